// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flow_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fakes/fake_flow_sources.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::opened;
using test::ownedBy;
using test::tcpSocket;

struct PipelineTest : ::testing::Test {
    PipelineTest() {
        auto socketSource = std::make_unique<test::FakeSocketSource>();
        auto processSource = std::make_unique<test::FakeProcessSource>();
        sockets = socketSource.get();
        processes = processSource.get();
        resolver = std::make_shared<HostNameResolver>(
            HostNameResolver::Options{.workers = 1}, [](const IpAddress& address) {
                return Result<std::string>("host-" + address.toString());
            });
        pipeline = std::make_unique<FlowPipeline>(std::move(socketSource), std::move(processSource),
                                                  resolver);
    }
    Snapshot tickAt(std::chrono::seconds at) {
        Snapshot snapshot;
        snapshot.steadyTime = std::chrono::steady_clock::time_point{at};
        pipeline->tick(snapshot);
        return snapshot;
    }
    test::FakeSocketSource* sockets = nullptr;
    test::FakeProcessSource* processes = nullptr;
    std::shared_ptr<HostNameResolver> resolver;
    std::unique_ptr<FlowPipeline> pipeline;
};

TEST_F(PipelineTest, FlowsHostsAndProcessesFromOneReading) {
    processes->set(11, ownedBy(100, "firefox"));
    processes->set(12, ownedBy(100, "firefox"));
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 1'000, 100, 11),
                          tcpSocket("192.0.2.10", 50002, "198.51.100.7", 443, 2, 2'000, 200, 12)}));
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 3'000, 100, 11),
                          tcpSocket("192.0.2.10", 50002, "198.51.100.7", 443, 2, 2'500, 200, 12)}));
    tickAt(10s);
    const Snapshot snapshot = tickAt(11s);
    ASSERT_EQ(snapshot.flows.size(), 2U);
    EXPECT_EQ(snapshot.flows[0].processName, "firefox");
    ASSERT_EQ(snapshot.hosts.size(), 1U);
    EXPECT_EQ(snapshot.hosts[0].bytesIn, 5'500U);
    EXPECT_DOUBLE_EQ(snapshot.hosts[0].inBitsPerSecond.value_or(-1), 20'000.0);  // 2'500 B in 1 s
    ASSERT_EQ(snapshot.processes.size(), 1U);
    EXPECT_EQ(snapshot.processes[0].connections, 2U);
    ASSERT_EQ(snapshot.hostTraffic.size(), 1U);
    EXPECT_EQ(snapshot.hostTraffic[0].bytesIn, 2'500U);
    EXPECT_TRUE(snapshot.visibility.flows);
    EXPECT_TRUE(snapshot.visibility.tcpBytes);
    EXPECT_FALSE(snapshot.visibility.udpBytes);
    EXPECT_TRUE(snapshot.visibility.allProcesses);
    EXPECT_FALSE(snapshot.visibility.note.empty());
}

TEST(Pipeline, TrafficOnlyListsNothingNamesNobodyAndCountsTheSameTraffic) {
    auto socketSource = std::make_unique<test::FakeSocketSource>();
    auto processSource = std::make_unique<test::FakeProcessSource>();
    processSource->set(11, ownedBy(100, "firefox"));
    socketSource->push(
        opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 1'000, 10, 11)}));
    socketSource->push(
        opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 4'000, 70, 11)}));
    std::atomic<int> lookups = 0;
    auto resolver = std::make_shared<HostNameResolver>(HostNameResolver::Options{.workers = 1},
                                                       [&lookups](const IpAddress&) {
                                                           ++lookups;
                                                           return Result<std::string>("named");
                                                       });
    FlowPipeline pipeline(std::move(socketSource), std::move(processSource), resolver,
                          MonitoringMode::Basic, SnapshotDetail::TrafficOnly);
    Snapshot first;
    first.steadyTime = std::chrono::steady_clock::time_point{10s};
    pipeline.tick(first);
    Snapshot second;
    second.steadyTime = std::chrono::steady_clock::time_point{11s};
    pipeline.tick(second);

    EXPECT_TRUE(second.flows.empty());
    EXPECT_TRUE(second.hosts.empty());
    EXPECT_TRUE(second.processes.empty());
    ASSERT_EQ(second.hostTraffic.size(), 1U);
    EXPECT_EQ(second.hostTraffic[0].name, "198.51.100.7");
    EXPECT_EQ(second.hostTraffic[0].bytesIn, 3'000U);  // 4'000 - 1'000 over the tick
    EXPECT_EQ(second.hostTraffic[0].bytesOut, 60U);
    ASSERT_EQ(second.processTraffic.size(), 1U);
    EXPECT_EQ(second.processTraffic[0].name, "firefox");
    EXPECT_EQ(second.processTraffic[0].bytesIn, 3'000U);
    EXPECT_TRUE(second.visibility.tcpBytes);
    EXPECT_EQ(resolver.use_count(), 1) << "the pipeline keeps no resolver";
    resolver.reset();  // joins its worker: every lookup asked for has run
    EXPECT_EQ(lookups, 0) << "a recorder stores no names: nothing is looked up";
}

TEST_F(PipelineTest, HostNamesArriveFromTheResolverWithoutWaiting) {
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 0, 0)}));
    EXPECT_EQ(tickAt(10s).flows.at(0).remoteHostName, "");
    Snapshot later;
    for (int i = 1; i < 200 && later.flows.empty(); ++i) {
        later = tickAt(10s + std::chrono::seconds{i});
        if (later.flows.at(0).remoteHostName.empty()) {
            later.flows.clear();
            std::this_thread::sleep_for(10ms);
        }
    }
    ASSERT_FALSE(later.flows.empty());
    EXPECT_EQ(later.flows[0].remoteHostName, "host-198.51.100.7");
    EXPECT_EQ(later.hosts.at(0).hostName, "host-198.51.100.7");
}

TEST_F(PipelineTest, MaskingHidesRemoteAddressesAndNamesEverywhere) {
    pipeline->setPrivacy({.resolveHostNames = true, .maskAddresses = true});
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 100, 0),
                          tcpSocket("192.0.2.10", 50002, "198.51.100.99", 443, 2, 50, 0)}));
    tickAt(10s);
    std::this_thread::sleep_for(50ms);
    const Snapshot snapshot = tickAt(11s);
    for (const FlowStat& flow : snapshot.flows) {
        EXPECT_EQ(flow.key.remoteAddress.toString(), "198.51.100.0");
        EXPECT_EQ(flow.remoteHostName, "");
    }
    ASSERT_EQ(snapshot.hosts.size(), 1U) << "masked hosts merge per network";
    EXPECT_EQ(snapshot.hosts[0].bytesIn, 150U);
    EXPECT_EQ(snapshot.hosts[0].hostName, "");
}

TEST_F(PipelineTest, NoReverseDnsWhenThePrivacySettingSaysSo) {
    pipeline->setPrivacy({.resolveHostNames = false});
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 0, 0)}));
    tickAt(10s);
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(tickAt(11s).flows.at(0).remoteHostName, "");
    EXPECT_EQ(resolver->counters().lookups, 0U);
}

TEST_F(PipelineTest, FailedReadWarnsAndKeepsTheLastFlows) {
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 100, 0)}));
    sockets->pushFailure("sock_diag refused");
    tickAt(10s);
    const Snapshot failed = tickAt(11s);
    ASSERT_EQ(failed.warnings.size(), 1U);
    EXPECT_NE(failed.warnings[0].find("sock_diag refused"), std::string::npos);
    ASSERT_EQ(failed.flows.size(), 1U);
    EXPECT_FALSE(failed.flows[0].inBitsPerSecond);
}

TEST_F(PipelineTest, HiddenOwnersAreReportedInTheVisibility) {
    SocketOwner hidden;
    hidden.visibility = OwnerVisibility::NeedsAdmin;
    processes->set(11, hidden);
    sockets->push(opened({tcpSocket("192.0.2.10", 50001, "198.51.100.7", 443, 1, 0, 0, 11)}));
    const Snapshot snapshot = tickAt(10s);
    EXPECT_FALSE(snapshot.visibility.allProcesses);
    EXPECT_EQ(snapshot.flows.at(0).owner, OwnerVisibility::NeedsAdmin);
}

}  // namespace
}  // namespace netmon
