// SPDX-License-Identifier: GPL-3.0-or-later
// A deep-mode run with file capabilities only (no CAP_SYS_ADMIN, as after `setcap`) that is
// killed leaves its tc filters behind; the next such run removes them and counts: it reads
// the dead run's pid from the filters' names, where no other process's BPF objects need
// opening. Before, the second run could not tell whose the filters were, failed to attach and
// still reported "deep" mode, with nothing counted.
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

TEST(CliDeepModeLeftovers, AKilledCapabilityOnlyRunIsCleanedUpAndTheNextOneCountsExactly) {
    if (const auto reason = ebpfMachineUnavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    const TestNetwork network;
    const ClsactFilters clsact;  // what killed runs leave (TCX links: nothing, ebpf_tcx_test)
    const std::vector<std::string> watchArgv =
        withCapabilitiesOnly({kNetmon, "--config", "/nonexistent/netmon.json", "--mode", "deep",
                              "watch", "--json", "--interval", "200"});

    ChildProcess killed(network.inA(watchArgv));
    const auto line = killed.readLine(10s);
    ASSERT_TRUE(line) << killed.drainStderr();
    ASSERT_EQ(nlohmann::json::parse(*line)["mode"], "deep") << killed.drainStderr();
    const std::vector<std::uint32_t> killedPrograms = filterProgramIds(network.nsA, network.ifA);
    ASSERT_EQ(killedPrograms.size(), 2u) << filterListing(network.nsA, network.ifA);
    killed.signal(SIGKILL);
    ASSERT_EQ(killed.wait(10s), 128 + SIGKILL);
    ASSERT_EQ(filterProgramIds(network.nsA, network.ifA), killedPrograms)
        << "SIGKILL leaves the filters behind";

    ChildProcess next(network.inA(watchArgv));
    const auto first = next.readLine(10s);
    ASSERT_TRUE(first) << next.drainStderr();
    const nlohmann::json tick = nlohmann::json::parse(*first);
    EXPECT_EQ(tick["mode"], "deep") << next.drainStderr();
    EXPECT_TRUE(warnsOf(tick, "killed netmon run left on " + network.ifA + " ingress (pid " +
                                  std::to_string(killed.pid()) + ")"))
        << tick["warnings"].dump(1);
    const std::vector<std::uint32_t> now = filterProgramIds(network.nsA, network.ifA);
    EXPECT_EQ(now.size(), 2u) << filterListing(network.nsA, network.ifA);
    for (const std::uint32_t id : killedPrograms) {
        EXPECT_EQ(std::find(now.begin(), now.end(), id), now.end())
            << "the killed run's program " << id << " is still attached";
    }

    // The kernel's counters are the truth for what the new run counts.
    const std::uint64_t rxBefore = network.counter(network.nsA, network.ifA, "rx_bytes");
    const std::uint64_t packetsBefore = network.counter(network.nsA, network.ifA, "rx_packets");
    constexpr int kDatagrams = 30;
    constexpr int kPayload = 400;
    ASSERT_EQ(sendUdpFromBToA(network, kDatagrams, kPayload, 40'300).received, kDatagrams);
    const nlohmann::json counted = tickWithUdpPackets(next, 40'300, kDatagrams);
    const auto flow = flowOf(counted, "udp", 40'300);
    ASSERT_TRUE(flow) << counted.dump(1) << next.drainStderr();
    EXPECT_EQ((*flow)["bytes_in"], kDatagrams * (kPayload + kUdpOverIpv4FrameOverhead));
    EXPECT_EQ((*flow)["packets_in"], kDatagrams);
    const LinkSums sums = linkTotals(counted, network);
    EXPECT_EQ(sums.bytesIn, network.counter(network.nsA, network.ifA, "rx_bytes") - rxBefore);
    EXPECT_EQ(sums.packetsIn,
              network.counter(network.nsA, network.ifA, "rx_packets") - packetsBefore);

    next.signal(SIGTERM);
    EXPECT_EQ(next.wait(10s), 0) << next.drainStderr();
    const std::string after = namespaceFilterListing(network.nsA);
    EXPECT_FALSE(listsAnyFilter(after)) << after;
}

}  // namespace
}  // namespace netmon::test
