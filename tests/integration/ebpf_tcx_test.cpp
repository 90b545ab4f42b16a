// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine's hooks on a kernel with TCX (6.6+; the tests run on one): by default its
// programs sit on the interface as TCX links and no tc filter appears; NETMON_TC_ATTACH=clsact
// (or the option) gives today's clsact filters; both count exactly against the veth's own
// counters. A SIGKILLed run leaves no link and no program behind (the kernel removes a link
// with its last fd). Another tool's program on the same hook — a TCX program or a clsact
// filter — keeps running, and counting, while we attach and after we detach.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "capture/ebpf/tcx_uapi.h"
#include "integration/child_process.h"
#include "integration/ebpf_engine_support.h"
#include "integration/tcx_hooks.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

// The machine's word on TCX: the running kernel's release (not the product's answer).
bool kernelHasTcx() {
    utsname name{};
    ::uname(&name);
    int major = 0;
    int minor = 0;
    return std::sscanf(name.release, "%d.%d", &major, &minor) == 2 &&
           (major > 6 || (major == 6 && minor >= 6));
}

std::vector<std::string> namesOf(const std::vector<std::uint32_t>& programs) {
    std::vector<std::string> names;
    for (const std::uint32_t id : programs) {
        names.push_back(programName(id));
    }
    return names;
}

// Our programs among the TCX links of `ifindex` (the kernel's own list of links).
std::vector<TcxLinkInfo> linksOf(const std::vector<std::uint32_t>& programs,
                                 std::uint32_t ifindex) {
    std::vector<TcxLinkInfo> found;
    for (const TcxLinkInfo& link : tcxLinks()) {
        if (link.ifindex == ifindex &&
            std::find(programs.begin(), programs.end(), link.programId) != programs.end()) {
            found.push_back(link);
        }
    }
    return found;
}

class EbpfTcx : public EbpfEngineTest {
protected:
    void SetUp() override {
        ::unsetenv("NETMON_TC_ATTACH");  // the default, whatever the caller's environment says
        if (!kernelHasTcx()) {
            GTEST_SKIP() << "this kernel predates TCX (Linux 6.6)";
        }
        EbpfEngineTest::SetUp();
        if (network) {
            ifindexA = interfaceIndex(network->nsA, network->ifA);
        }
    }

    void expectCountsExactly(int datagrams, std::uint16_t port) {
        ASSERT_EQ(sendUdpFromBToA(*network, datagrams, 200, port).received, datagrams);
        const CaptureReading reading =
            readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
        expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
        const auto flow =
            findFlow(reading, Protocol::Udp, network->addressA, port, network->addressB);
        ASSERT_TRUE(flow);
        EXPECT_EQ(flow->packetsIn, static_cast<std::uint64_t>(datagrams));
        EXPECT_EQ(flow->bytesIn, datagrams * (200 + kUdpOverIpv4FrameOverhead));
    }

    std::uint32_t ifindexA = 0;
};

TEST_F(EbpfTcx, ByDefaultTheProgramsAreTcxLinksAndCountExactly) {
    const std::vector<std::uint32_t> ingress = tcxProgramIds(network->nsA, network->ifA, true);
    const std::vector<std::uint32_t> egress = tcxProgramIds(network->nsA, network->ifA, false);
    EXPECT_EQ(namesOf(ingress), std::vector<std::string>{"netmon_in_eth"});
    EXPECT_EQ(namesOf(egress), std::vector<std::string>{"netmon_out_eth"});
    std::vector<std::uint32_t> ours = ingress;
    ours.insert(ours.end(), egress.begin(), egress.end());
    const std::vector<TcxLinkInfo> links = linksOf(ours, ifindexA);
    ASSERT_EQ(links.size(), 2u) << "each program through a TCX link on the veth";
    for (const TcxLinkInfo& link : links) {
        EXPECT_EQ(link.attachType, link.programId == ingress.at(0) ? capture::kBpfTcxIngress
                                                                   : capture::kBpfTcxEgress);
    }
    EXPECT_EQ(filterListing(network->nsA, network->ifA), "") << "no tc filter";
    EXPECT_EQ(engine->detail(), "TCX links");
    expectCountsExactly(25, 47'100);

    engine.reset();
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, true).empty());
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, false).empty());
    EXPECT_TRUE(linksOf(ours, ifindexA).empty());
}

TEST_F(EbpfTcx, ChosenClsactAttachesTcFiltersAsBeforeAndCountsExactly) {
    capture::EbpfOptions options;
    options.tcAttach = capture::TcAttach::Clsact;
    restartEngine(options);
    const std::string listing = filterListing(network->nsA, network->ifA);
    EXPECT_NE(listing.find("netmon_in_eth"), std::string::npos) << listing;
    EXPECT_NE(listing.find("netmon_out_eth"), std::string::npos) << listing;
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA).size(), 2u) << listing;
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, true).empty());
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, false).empty());
    EXPECT_EQ(engine->detail(), "tc clsact filters (as chosen)");
    expectCountsExactly(25, 47'110);
}

TEST_F(EbpfTcx, TheEnvironmentChoosesClsactForEnginesThatLeaveItToIt) {
    ::setenv("NETMON_TC_ATTACH", "clsact", 1);
    restartEngine({});
    ::unsetenv("NETMON_TC_ATTACH");
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA).size(), 2u)
        << filterListing(network->nsA, network->ifA);
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, true).empty());
}

TEST_F(EbpfTcx, AKilledRunLeavesNoLinkAndNoProgramOnTheInterface) {
    engine.reset();
    ChildProcess child(network->inA({NETMON_EBPF_CHILD_PATH, network->ifA}));
    ASSERT_EQ(child.readLine(20s).value_or("(nothing)"), "ready") << child.drainStderr();
    std::vector<std::uint32_t> ours = tcxProgramIds(network->nsA, network->ifA, true);
    const std::vector<std::uint32_t> egress = tcxProgramIds(network->nsA, network->ifA, false);
    ours.insert(ours.end(), egress.begin(), egress.end());
    ASSERT_EQ(namesOf(ours), (std::vector<std::string>{"netmon_in_eth", "netmon_out_eth"}));
    ASSERT_EQ(linksOf(ours, ifindexA).size(), 2u);

    child.signal(SIGKILL);
    ASSERT_EQ(child.wait(10s), 128 + SIGKILL);
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, true).empty());
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, false).empty());
    EXPECT_TRUE(linksOf(ours, ifindexA).empty());
    EXPECT_EQ(filterListing(network->nsA, network->ifA), "");
    for (const std::uint32_t id : ours) {
        for (int i = 0; i < 40 && programLoaded(id); ++i) {  // freed after an RCU grace period
            std::this_thread::sleep_for(50ms);
        }
        EXPECT_FALSE(programLoaded(id)) << "program " << id << " outlived its process";
    }
}

TEST_F(EbpfTcx, AForeignTcxProgramKeepsCountingWhileWeAttachAndAfterWeDetach) {
    engine.reset();
    const ForeignCounter foreign(network->nsA, network->ifA, ForeignCounter::Hook::Tcx);
    restartEngine({});
    const std::vector<std::uint32_t> ingress = tcxProgramIds(network->nsA, network->ifA, true);
    ASSERT_EQ(ingress.size(), 2u);
    EXPECT_EQ(programName(ingress[0]), "netmon_in_eth") << "ours runs first";
    EXPECT_EQ(ingress[1], foreign.programId()) << "theirs stays, after ours";

    // Every received frame passes the ingress hook: the foreign count grows with rx_packets.
    std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_packets");
    std::uint64_t foreignBefore = foreign.packets();
    expectCountsExactly(30, 47'120);
    EXPECT_EQ(foreign.packets() - foreignBefore,
              network->counter(network->nsA, network->ifA, "rx_packets") - rxBefore);

    engine.reset();
    EXPECT_EQ(tcxProgramIds(network->nsA, network->ifA, true),
              std::vector<std::uint32_t>{foreign.programId()});
    rxBefore = network->counter(network->nsA, network->ifA, "rx_packets");
    foreignBefore = foreign.packets();
    ASSERT_EQ(sendUdpFromBToA(*network, 12, 200, 47'121).received, 12);
    EXPECT_EQ(foreign.packets() - foreignBefore,
              network->counter(network->nsA, network->ifA, "rx_packets") - rxBefore);
    EXPECT_GE(foreign.packets() - foreignBefore, 12u);
}

// A bpf filter at tc priority 1, where our own clsact filters go: with TCX ours run before the
// clsact layer, need no priority, and theirs runs after them.
TEST_F(EbpfTcx, AForeignClsactFilterKeepsCountingWhileWeAttachAndAfterWeDetach) {
    engine.reset();
    const ForeignCounter foreign(network->nsA, network->ifA, ForeignCounter::Hook::Clsact);
    restartEngine({});
    ASSERT_EQ(namesOf(tcxProgramIds(network->nsA, network->ifA, true)),
              std::vector<std::string>{"netmon_in_eth"});
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA),
              std::vector<std::uint32_t>{foreign.programId()});

    std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_packets");
    std::uint64_t foreignBefore = foreign.packets();
    expectCountsExactly(30, 47'130);
    EXPECT_EQ(foreign.packets() - foreignBefore,
              network->counter(network->nsA, network->ifA, "rx_packets") - rxBefore);

    engine.reset();
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA),
              std::vector<std::uint32_t>{foreign.programId()});
    rxBefore = network->counter(network->nsA, network->ifA, "rx_packets");
    foreignBefore = foreign.packets();
    ASSERT_EQ(sendUdpFromBToA(*network, 12, 200, 47'131).received, 12);
    EXPECT_EQ(foreign.packets() - foreignBefore,
              network->counter(network->nsA, network->ifA, "rx_packets") - rxBefore);
    EXPECT_GE(foreign.packets() - foreignBefore, 12u);
}

// A kernel before 6.6 answers EINVAL for the TCX attach types; here a seccomp filter gives
// that answer (without_bpf_links), so the fallback runs on this kernel.
TEST_F(EbpfTcx, WhereTheKernelRefusesTcxAutoTakesClsactFiltersAndSaysWhy) {
    engine.reset();
    ChildProcess child(
        network->inA({NETMON_WITHOUT_BPF_LINKS_PATH, NETMON_EBPF_CHILD_PATH, network->ifA}));
    ASSERT_EQ(child.readLine(20s).value_or("(nothing)"), "ready") << child.drainStderr();
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA).size(), 2u)
        << filterListing(network->nsA, network->ifA);
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, true).empty());
    EXPECT_TRUE(tcxProgramIds(network->nsA, network->ifA, false).empty());
    child.signal(SIGTERM);
    EXPECT_EQ(child.wait(10s), 0);
    const std::string said = child.drainStderr();
    EXPECT_NE(said.find("hooks: tc clsact filters (this kernel has no TCX: Invalid argument)"),
              std::string::npos)
        << said;
    EXPECT_EQ(filterListing(network->nsA, network->ifA), "");
}

TEST_F(EbpfTcx, ChosenTcxWhereTheKernelRefusesItFailsWithTheReason) {
    engine.reset();
    ChildProcess child(network->inA({"env", "NETMON_TC_ATTACH=tcx", NETMON_WITHOUT_BPF_LINKS_PATH,
                                     NETMON_EBPF_CHILD_PATH, network->ifA}));
    EXPECT_EQ(child.wait(20s), 1);
    const std::string said = child.drainStderr();
    EXPECT_NE(said.find("cannot attach the eBPF counter to " + network->ifA +
                        " ingress with TCX: Invalid argument; TCX needs Linux 6.6 or later"),
              std::string::npos)
        << said;
    EXPECT_EQ(filterListing(network->nsA, network->ifA), "") << "no fallback when TCX is chosen";
}

}  // namespace
}  // namespace netmon::test
