// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine inside namespace a of a quiet veth pair: per-flow bytes and packets equal
// what the test sent (wire bytes computed by hand), flows + other equal the veth's own
// counters exactly, per direction; flows carry the process that owns their socket; interfaces
// come and go; a full flow map loses no byte. (Cleanup: ebpf_lifecycle_test.cpp.)
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "integration/child_process.h"
#include "integration/ebpf_engine_support.h"
#include "integration/namespace_call.h"
#include "integration/namespace_socket.h"
#include "integration/pcap_engine_support.h"
#include "integration/tcp_transfer.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

constexpr std::uint64_t kIcmpEchoOverhead = 14 + 20 + 8;
// Every TCP segment here carries a 32-byte header (20 + timestamps); SYN and SYN-ACK carry 40.
constexpr std::uint64_t kTcpSegmentOverhead = 14 + 20 + 32;
constexpr std::uint64_t kSynExtraOptions = 8;

std::string ownCommand() {
    std::ifstream file("/proc/self/comm");
    std::string command;
    std::getline(file, command);
    return command;
}

class EbpfEngine : public EbpfEngineTest {};

TEST_F(EbpfEngine, CountsUdpTcpAndIcmpToTheByteAndAddsUpToTheVethCounters) {
    if (runCommand({"ping", "-V"}).status != 0) {
        GTEST_SKIP() << "ping (iputils-ping) is missing: run scripts/setup-deps.sh";
    }
    const std::vector<int> sizes{1, 100, 1000, 1472};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const UdpTransfer udp =
            sendUdpFromBToA(*network, 5, sizes[i], static_cast<std::uint16_t>(47000 + i));
        ASSERT_EQ(udp.received, 5);
    }
    const NamespaceSocket listener = listenInA(*network, 47100);
    TcpConnection tcp(*network, listener);
    tcp.transfer(300000, 20000);
    const std::uint16_t clientPort = tcp.clientPort();
    tcp.close();
    const CommandResult ping = runCommand(
        network->inB({"ping", "-q", "-c", "5", "-i", "0.05", "-s", "300", network->addressA}));
    ASSERT_EQ(ping.status, 0) << ping.err;
    std::this_thread::sleep_for(200ms);  // the FIN exchange

    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);

    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const auto flow = findFlow(reading, Protocol::Udp, network->addressA,
                                   static_cast<std::uint16_t>(47000 + i), network->addressB);
        ASSERT_TRUE(flow) << "udp flow of size " << sizes[i];
        EXPECT_EQ(flow->packetsIn, 5u);
        EXPECT_EQ(flow->bytesIn,
                  5 * (static_cast<std::uint64_t>(sizes[i]) + kUdpOverIpv4FrameOverhead));
        EXPECT_EQ(flow->packetsOut, 0u);
        // The receiving socket is this process's.
        EXPECT_EQ(flow->pid, static_cast<std::uint32_t>(::getpid()));
        EXPECT_EQ(flow->command, ownCommand());
    }
    const auto icmp = findFlow(reading, Protocol::Icmp, network->addressA, 0, network->addressB);
    ASSERT_TRUE(icmp);
    EXPECT_EQ(icmp->packetsIn, 5u);
    EXPECT_EQ(icmp->packetsOut, 5u);
    EXPECT_EQ(icmp->bytesIn, 5 * (300 + kIcmpEchoOverhead));
    EXPECT_EQ(icmp->bytesOut, 5 * (300 + kIcmpEchoOverhead));
    EXPECT_FALSE(icmp->pid) << "the kernel answers pings: no socket, no process";

    const auto server =
        findFlow(reading, Protocol::Tcp, network->addressA, 47100, network->addressB, clientPort);
    ASSERT_TRUE(server);
    // Payload plus one Ethernet/IP/TCP header per segment (GSO may merge segments, so the
    // count comes from the capture; the veth counters check it above).
    EXPECT_EQ(server->bytesIn, 300000 + server->packetsIn * kTcpSegmentOverhead + kSynExtraOptions);
    EXPECT_EQ(server->bytesOut,
              20000 + server->packetsOut * kTcpSegmentOverhead + kSynExtraOptions);
    EXPECT_EQ(server->pid, static_cast<std::uint32_t>(::getpid()));
    for (const CaptureInterfaceStats& stats : reading.interfaces) {
        EXPECT_EQ(stats.kernelDrops, 0u);
        EXPECT_EQ(stats.other.packetsIn + stats.other.packetsOut, 0u);  // a quiet link
    }
}

TEST_F(EbpfEngine, AFlowSentByAChildProcessCarriesTheChildsPid) {
    NamespaceSocket sink(network->nsB, SOCK_DGRAM);  // so no "port unreachable" comes back
    bindTo(sink, network->addressB, 47700);
    ChildProcess child(network->inA({"bash", "-c",
                                     "exec 3>/dev/udp/" + network->addressB +
                                         "/47700; echo -n hello >&3; "
                                         "sleep 0.3"}));
    const pid_t childPid = child.pid();  // `ip netns exec` execs bash in the same process
    ASSERT_EQ(child.wait(10s), 0) << child.drainStderr();

    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    bool found = false;
    for (const CapturedFlow& flow : reading.flows) {
        if (flow.key.protocol == Protocol::Udp && flow.key.remotePort == 47700) {
            found = true;
            EXPECT_EQ(flow.packetsOut, 1u);
            EXPECT_EQ(flow.bytesOut, 5 + kUdpOverIpv4FrameOverhead);
            EXPECT_EQ(flow.pid, static_cast<std::uint32_t>(childPid));
            EXPECT_EQ(flow.command, "bash");
        }
    }
    EXPECT_TRUE(found);
}

// fentry/fexit hooks where the kernel allows them (older kernels' way); where it does not (no
// BPF trampolines, or locked down, as on some VMs), flows are still counted, without
// processes, and the reading says why.
TEST_F(EbpfEngine, WithTheFentryHooksFlowsHaveTheirProcessOrAWarningSaysWhyNot) {
    capture::EbpfOptions options;
    options.ownerHooks = capture::OwnerHooks::Fentry;
    restartEngine(options);
    ASSERT_EQ(sendUdpFromBToA(*network, 3, 100, 47800).received, 3);
    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
    const auto flow = findFlow(reading, Protocol::Udp, network->addressA, 47800, network->addressB);
    ASSERT_TRUE(flow);
    EXPECT_EQ(flow->packetsIn, 3u);
    std::string warnings;
    for (const std::string& warning : reading.warnings) {
        warnings += warning + "\n";
    }
    if (flow->pid) {
        EXPECT_EQ(*flow->pid, static_cast<std::uint32_t>(::getpid()));
    } else {
        EXPECT_NE(warnings.find("without their processes"), std::string::npos) << warnings;
        std::cout << "[   INFO   ] fentry hooks unavailable here: " << warnings;
    }
}

TEST_F(EbpfEngine, AnInterfaceAddedDuringCaptureIsPickedUpWithoutDisturbingTheOthers) {
    ASSERT_EQ(sendUdpFromBToA(*network, 3, 200, 47200).received, 3);
    const ExtraLink extra(*network, "e");
    attach({network->ifA, extra.ifA});
    const InterfaceCounters extraBaseline = kernelCounters(*network, extra.ifA);
    extra.sendUdpFromB(4, 500, 47300);
    ASSERT_EQ(sendUdpFromBToA(*network, 3, 200, 47200).received, 3);

    const CaptureReading reading =
        readUntilMatching(*engine, *network, extra.ifA, extra.addressA, extraBaseline);
    expectSumsEqualCounters(reading, *network, extra.ifA, extra.addressA, extraBaseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
    const auto added = findFlow(reading, Protocol::Udp, extra.addressA, 47300, extra.addressB);
    ASSERT_TRUE(added);
    EXPECT_EQ(added->packetsIn, 4u);
    EXPECT_EQ(added->bytesIn, 4 * (500 + kUdpOverIpv4FrameOverhead));
    const CapturedFlow first = totalOfFlows(reading, Protocol::Udp, network->addressA, 47200);
    EXPECT_EQ(first.packetsIn, 6u);
    EXPECT_EQ(first.bytesIn, 6 * (200 + kUdpOverIpv4FrameOverhead));
}

TEST_F(EbpfEngine, AnInterfaceDeletedMidCaptureEndsWithAWarningAndTheRestGoesOn) {
    auto extra = std::make_unique<ExtraLink>(*network, "f");
    attach({network->ifA, extra->ifA});
    extra->sendUdpFromB(2, 100, 47400);
    extra->remove();
    ASSERT_EQ(sendUdpFromBToA(*network, 4, 300, 47500).received, 4);

    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
    std::string warnings;
    for (const std::string& warning : reading.warnings) {
        warnings += warning + "\n";
    }
    EXPECT_NE(warnings.find("capture on " + extra->ifA + " ended"), std::string::npos) << warnings;
    const auto flow = findFlow(reading, Protocol::Udp, extra->addressA, 47400, extra->addressB);
    ASSERT_TRUE(flow);  // counted before the interface went away, and kept
    EXPECT_EQ(flow->bytesIn, 2 * (100 + kUdpOverIpv4FrameOverhead));
    ASSERT_EQ(sendUdpFromBToA(*network, 1, 10, 47500).received, 1);
    const CaptureReading later =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(later, *network, network->ifA, network->addressA, baseline);
    attach({});
    const auto empty = engine->read();
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->interfaces.empty());
}

// 48 new flows into a 32-flow map: what finds no room is counted as 'other' (so the sums stay
// exact), idle flows are evicted, and the bytes of every flow ever reported add up.
TEST_F(EbpfEngine, AFullFlowMapLosesNoByteAndMakesRoomByEvictingIdleFlows) {
    capture::EbpfOptions options;
    options.flowCapacity = 32;
    options.idleReadsBeforeEviction = 1;
    restartEngine(options);
    std::map<FlowKey, CapturedFlow> seen;  // the last reading of every flow ever reported
    std::vector<std::string> warnings;
    UnflowedTraffic lastOther;
    const auto readAll = [&] {
        const auto reading = engine->read();
        ASSERT_TRUE(reading) << reading.error().describe();
        for (const CapturedFlow& flow : reading->flows) {
            seen[flow.key] = flow;
        }
        warnings.insert(warnings.end(), reading->warnings.begin(), reading->warnings.end());
        lastOther = reading->interfaces.at(0).other;
    };
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 16; ++i) {
            const auto port = static_cast<std::uint16_t>(48000 + i + 16 * round);
            ASSERT_EQ(sendUdpFromBToA(*network, 1, 50, port).received, 1);
        }
        readAll();
        readAll();  // idle once more: evictable
    }
    std::this_thread::sleep_for(100ms);
    readAll();
    InterfaceCounters total;
    for (const auto& [key, flow] : seen) {
        total.rxBytes += flow.bytesIn;
        total.rxPackets += flow.packetsIn;
        total.txPackets += flow.packetsOut;
    }
    total.rxBytes += lastOther.bytesIn;
    total.rxPackets += lastOther.packetsIn;
    const InterfaceCounters kernel = kernelCounters(*network, network->ifA);
    EXPECT_EQ(total.rxBytes, kernel.rxBytes - baseline.rxBytes);
    EXPECT_EQ(total.rxPackets, kernel.rxPackets - baseline.rxPackets);
    std::string all;
    for (const std::string& warning : warnings) {
        all += warning + "\n";
    }
    EXPECT_NE(all.find("idle flows evicted"), std::string::npos) << all;
    EXPECT_NE(all.find("eBPF flow map full"), std::string::npos) << all;
    EXPECT_GT(lastOther.packetsIn, 0u) << "no packet found the map full";
}

}  // namespace
}  // namespace netmon::test
