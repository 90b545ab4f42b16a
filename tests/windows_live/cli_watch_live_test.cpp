// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon.exe watch --json` under Wine against the Linux kernel's own loopback counters, while
// the test sends a known amount over loopback.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "loopback_traffic.h"
#include "netmon_process.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

constexpr int kDatagrams = 40;
constexpr int kPayload = 1000;
constexpr std::uint64_t kFrameBytes = kPayload + 8 + 20;  // UDP and IPv4 headers

KernelCounters countersIn(const nlohmann::json& tick, const std::string& name) {
    for (const auto& entry : tick.at("interfaces")) {
        if (entry.at("name") == name) {
            return {entry.at("rx_bytes").get<std::uint64_t>(),
                    entry.at("tx_bytes").get<std::uint64_t>(),
                    entry.at("rx_packets").get<std::uint64_t>(),
                    entry.at("tx_packets").get<std::uint64_t>()};
        }
    }
    ADD_FAILURE() << "no interface " << name << " in " << tick.dump();
    return {};
}

KernelCounters operator-(const KernelCounters& a, const KernelCounters& b) {
    return {a.rxBytes - b.rxBytes, a.txBytes - b.txBytes, a.rxPackets - b.rxPackets,
            a.txPackets - b.txPackets};
}

bool within(const KernelCounters& low, const KernelCounters& value, const KernelCounters& high) {
    return low.rxBytes <= value.rxBytes && value.rxBytes <= high.rxBytes &&
           low.txBytes <= value.txBytes && value.txBytes <= high.txBytes &&
           low.rxPackets <= value.rxPackets && value.rxPackets <= high.rxPackets &&
           low.txPackets <= value.txPackets && value.txPackets <= high.txPackets;
}

// Each round: after a tick's line, read the kernel's counters, send the datagrams, wait for the
// next tick, read the kernel's again. netmon's reading of the next tick lies between the two
// kernel readings, always. When nothing else used loopback meanwhile, both kernel readings
// equal netmon's two readings, and the delta it reports is exactly what the test sent; other
// traffic on the machine makes a round inconclusive (retried), never a pass.
TEST(WatchLive, LoopbackDeltasEqualTheKernelsWhileSendingAKnownAmount) {
    if (!kernelCounters("lo")) {
        GTEST_SKIP() << "needs Wine on Linux: the kernel's counters (Z:\\sys\\class\\net) are the "
                        "truth this test compares with";
    }
    NetmonStream watch({"watch", "--json", "--interval", "700", "--count", "12", "--iface", "lo"});
    auto line = watch.nextLine(20s);
    ASSERT_TRUE(line) << "netmon.exe watch printed nothing";
    nlohmann::json previous = nlohmann::json::parse(*line);
    const KernelCounters expected{kDatagrams * kFrameBytes, kDatagrams * kFrameBytes, kDatagrams,
                                  kDatagrams};
    int exactRounds = 0;
    int rounds = 0;
    while (exactRounds < 2) {
        const KernelCounters before = *kernelCounters("lo");
        sendLoopbackDatagrams(kDatagrams, kPayload);
        line = watch.nextLine(20s);
        if (!line) {
            break;  // --count reached
        }
        ++rounds;
        const KernelCounters after = *kernelCounters("lo");
        const nlohmann::json tick = nlohmann::json::parse(*line);
        const KernelCounters earlier = countersIn(previous, "lo");
        const KernelCounters now = countersIn(tick, "lo");
        EXPECT_TRUE(within(before, now, after)) << "netmon's reading is outside the kernel's";
        const KernelCounters delta = now - earlier;
        EXPECT_GE(delta.rxBytes, expected.rxBytes);
        EXPECT_GE(delta.txPackets, expected.txPackets);
        if (after - before == expected && earlier == before && now == after) {
            EXPECT_EQ(delta, expected);
            EXPECT_EQ(tick.at("interfaces")[0].at("counter_reset"), false);
            ++exactRounds;
        }
        previous = tick;
    }
    EXPECT_EQ(exactRounds, 2) << "loopback was busy with other traffic in all " << rounds
                              << " rounds";
}

}  // namespace
}  // namespace netmon::test
