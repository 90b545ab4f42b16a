// SPDX-License-Identifier: GPL-3.0-or-later
// Deep mode next to others on the same interface: two netmon runs (the app and the CLI) both
// count, each with its own tc filters, and each removes only its own; a foreign bpf filter at
// our priority is shared and left alone; a filter that holds our priority so that ours cannot
// be added makes deep mode fall back (to libpcap, else basic) with the reason, never "deep"
// with nothing counted, and is left alone too.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/deep_mode_ticks.h"
#include "integration/tc_listing.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

// A classic-BPF filter the test owns ("return 0": it matches nothing and changes nothing).
void addForeignFilter(const TestNetwork& network, const char* protocol) {
    runCommand({"tc", "-n", network.nsA, "qdisc", "add", "dev", network.ifA, "clsact"});
    const CommandResult added =
        runCommand({"tc", "-n", network.nsA, "filter", "add", "dev", network.ifA, "ingress",
                    "protocol", protocol, "prio", "1", "bpf", "bytecode", "1,6 0 0 0"});
    ASSERT_EQ(added.status, 0) << added.err;
}

class CliDeepModeSharing : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto reason = ebpfMachineUnavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        network = std::make_unique<TestNetwork>();
    }

    // A deep `watch --json` in namespace a, once its first tick is out; `tick` holds that tick.
    std::unique_ptr<ChildProcess> startWatch(const std::vector<std::string>& prefix = {}) {
        std::vector<std::string> argv = prefix;
        for (const char* arg :
             {kNetmon, "--mode", "deep", "watch", "--json", "--interval", "200"}) {
            argv.emplace_back(arg);
        }
        auto watch = std::make_unique<ChildProcess>(network->inA(argv));
        const auto line = watch->readLine(10s);
        EXPECT_TRUE(line) << watch->drainStderr();
        tick = line ? nlohmann::json::parse(*line) : nlohmann::json();
        return watch;
    }

    // Checks that `watch` counted `datagrams` UDP datagrams to `port` in namespace a since it
    // started, to the byte, and that its flows plus "other" equal the kernel's counters since
    // `rxBefore`.
    void expectCounted(ChildProcess& watch, std::uint16_t port, int datagrams,
                       std::uint64_t rxBefore) {
        const nlohmann::json counted = tickWithUdpPackets(watch, port, datagrams);
        const UdpTotals udp = udpTotalsTo(counted, port);
        EXPECT_EQ(udp.packetsIn, datagrams) << counted.dump(1) << watch.drainStderr();
        EXPECT_EQ(udp.bytesIn, datagrams * (kPayload + kUdpOverIpv4FrameOverhead));
        EXPECT_EQ(linkTotals(counted, *network).bytesIn,
                  network->counter(network->nsA, network->ifA, "rx_bytes") - rxBefore);
    }

    static constexpr int kPayload = 300;
    ClsactFilters clsact;  // our filters beside others (TCX links: ebpf_tcx_test.cpp)
    std::unique_ptr<TestNetwork> network;
    nlohmann::json tick;
};

TEST_F(CliDeepModeSharing, TwoRunsCountSideBySideAndEachRemovesOnlyItsOwnFilters) {
    auto first = startWatch();
    ASSERT_EQ(tick["mode"], "deep");
    const std::vector<std::uint32_t> firstPrograms = filterProgramIds(network->nsA, network->ifA);
    ASSERT_EQ(firstPrograms.size(), 2u);
    auto second = startWatch();
    ASSERT_EQ(tick["mode"], "deep") << second->drainStderr();
    std::vector<std::uint32_t> secondPrograms = filterProgramIds(network->nsA, network->ifA);
    ASSERT_EQ(secondPrograms.size(), 4u) << filterListing(network->nsA, network->ifA);
    std::erase_if(secondPrograms, [&](std::uint32_t id) {
        return std::find(firstPrograms.begin(), firstPrograms.end(), id) != firstPrograms.end();
    });
    ASSERT_EQ(secondPrograms.size(), 2u) << "the first run's filters are still there";

    const std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_bytes");
    ASSERT_EQ(sendUdpFromBToA(*network, 20, kPayload, 40'400).received, 20);
    expectCounted(*first, 40'400, 20, rxBefore);
    expectCounted(*second, 40'400, 20, rxBefore);

    first->signal(SIGTERM);
    EXPECT_EQ(first->wait(10s), 0) << first->drainStderr();
    std::vector<std::uint32_t> left = filterProgramIds(network->nsA, network->ifA);
    std::sort(left.begin(), left.end());
    std::sort(secondPrograms.begin(), secondPrograms.end());
    EXPECT_EQ(left, secondPrograms) << "only the second run's filters stay";
    ASSERT_EQ(sendUdpFromBToA(*network, 10, kPayload, 40'400).received, 10);
    expectCounted(*second, 40'400, 30, rxBefore);
}

TEST_F(CliDeepModeSharing, AForeignBpfFilterAtOurPriorityIsSharedAndLeftAlone) {
    addForeignFilter(*network, "all");
    auto watch = startWatch();
    ASSERT_EQ(tick["mode"], "deep") << watch->drainStderr();
    const std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_bytes");
    ASSERT_EQ(sendUdpFromBToA(*network, 12, kPayload, 40'410).received, 12);
    expectCounted(*watch, 40'410, 12, rxBefore);
    watch->signal(SIGTERM);
    EXPECT_EQ(watch->wait(10s), 0) << watch->drainStderr();
    const std::string left = filterListing(network->nsA, network->ifA);
    EXPECT_NE(left.find("bytecode"), std::string::npos) << "the foreign filter stays:\n" << left;
    EXPECT_EQ(left.find("netmon"), std::string::npos) << left;
}

TEST_F(CliDeepModeSharing, AFilterHoldingOurPriorityMeansBasicModeWithTheReason) {
    addForeignFilter(*network, "ip");  // protocol ip at priority 1: ours (all) cannot join it
    // Without CAP_NET_RAW libpcap cannot take over, so this is the whole fallback.
    auto watch = startWatch(withCapabilitiesOnly({}, "net_raw"));
    EXPECT_EQ(tick["mode"], "basic");
    const std::string stderrText = watch->drainStderr();
    EXPECT_NE(stderrText.find("Basic mode: deep capture could not start"), std::string::npos)
        << stderrText;
    EXPECT_NE(stderrText.find("another program's bpf filter"), std::string::npos) << stderrText;
    watch->signal(SIGTERM);
    EXPECT_EQ(watch->wait(10s), 0);
    const std::string left = filterListing(network->nsA, network->ifA);
    EXPECT_NE(left.find("bytecode"), std::string::npos) << "the foreign filter stays:\n" << left;
    EXPECT_EQ(left.find("netmon"), std::string::npos) << left;
}

TEST_F(CliDeepModeSharing, AFilterHoldingOurPriorityHandsDeepModeToLibpcapWithTheReason) {
    addForeignFilter(*network, "ip");
    auto watch = startWatch();
    EXPECT_EQ(tick["mode"], "deep");
    const std::string stderrText = watch->drainStderr();
    EXPECT_NE(stderrText.find("Deep mode with libpcap (ebpf: cannot count on " + network->ifA +
                              " ingress"),
              std::string::npos)
        << stderrText;
    const std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_bytes");
    ASSERT_EQ(sendUdpFromBToA(*network, 8, kPayload, 40'420).received, 8);
    expectCounted(*watch, 40'420, 8, rxBefore);
    EXPECT_EQ(filterListing(network->nsA, network->ifA).find("netmon"), std::string::npos);
}

}  // namespace
}  // namespace netmon::test
