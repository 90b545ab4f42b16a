// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/snapshot_samples.h"

#include <gtest/gtest.h>

namespace netmon::storage {
namespace {

InterfaceStat interface(std::string name, std::optional<InterfaceTraffic> traffic) {
    InterfaceStat stat;
    stat.name = std::move(name);
    stat.counters.rxBytes = 999'999;  // cumulative: must not be stored
    stat.traffic = traffic;
    return stat;
}

TEST(SnapshotSamplesTest, OneSamplePerInterfaceWithTrafficCarryingTheTickDeltas) {
    Snapshot snapshot;
    snapshot.wallTime = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    InterfaceTraffic eth0;
    eth0.rxBytes = 1500;
    eth0.txBytes = 60;
    eth0.rxPackets = 2;
    eth0.txPackets = 1;
    eth0.elapsedSeconds = 1.0004;
    InterfaceTraffic idle;
    idle.elapsedSeconds = 0.9996;
    snapshot.interfaces = {interface("eth0", eth0), interface("new0", std::nullopt),
                           interface("lo", idle)};

    const auto samples = samplesFromSnapshot(snapshot);
    ASSERT_EQ(samples.size(), 2U);
    EXPECT_EQ(samples[0].interfaceName, "eth0");
    EXPECT_EQ(samples[0].time, snapshot.wallTime);
    EXPECT_EQ(samples[0].duration, std::chrono::milliseconds(1000));
    EXPECT_EQ(samples[0].rxBytes, 1500U);
    EXPECT_EQ(samples[0].txBytes, 60U);
    EXPECT_EQ(samples[0].rxPackets, 2U);
    EXPECT_EQ(samples[0].txPackets, 1U);
    // An idle interface is a real zero (it was watched), unlike one without a first reading.
    EXPECT_EQ(samples[1].interfaceName, "lo");
    EXPECT_EQ(samples[1].rxBytes, 0U);
    EXPECT_EQ(samples[1].duration, std::chrono::milliseconds(1000));
}

TEST(SnapshotSamplesTest, NoInterfacesNoSamples) {
    EXPECT_TRUE(samplesFromSnapshot(Snapshot{}).empty());
}

}  // namespace
}  // namespace netmon::storage
