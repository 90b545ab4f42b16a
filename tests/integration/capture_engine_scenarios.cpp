// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/capture_engine_scenarios.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

#include "integration/child_process.h"
#include "integration/namespace_socket.h"
#include "integration/tcp_transfer.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

constexpr std::uint64_t kIcmpEchoOverhead = 14 + 20 + 8;
// Every TCP segment here carries a 32-byte header (20 + timestamps); SYN and SYN-ACK carry 40.
constexpr std::uint64_t kTcpSegmentOverhead = 14 + 20 + 32;
constexpr std::uint64_t kSynExtraOptions = 8;

std::string joined(const std::vector<std::string>& warnings) {
    std::string all;
    for (const std::string& warning : warnings) {
        all += warning + "\n";
    }
    return all;
}

void expectOwner(const CapturedFlow& flow, const std::optional<ExpectedOwner>& owner) {
    if (owner) {
        EXPECT_EQ(flow.pid, owner->pid);
        EXPECT_EQ(flow.command, owner->command);
    }
}

}  // namespace

void checkMixedTrafficCountedExactly(const EngineUnderTest& test,
                                     const std::optional<ExpectedOwner>& owner) {
    if (runCommand({"ping", "-V"}).status != 0) {
        GTEST_SKIP() << "ping (iputils-ping) is missing: run scripts/setup-deps.sh";
    }
    const TestNetwork& network = test.network;
    const std::vector<int> sizes{1, 100, 1000, 1472};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const UdpTransfer udp =
            sendUdpFromBToA(network, 5, sizes[i], static_cast<std::uint16_t>(47000 + i));
        ASSERT_EQ(udp.received, 5);
    }
    const NamespaceSocket listener = listenInA(network, 47100);
    TcpConnection tcp(network, listener);
    tcp.transfer(300000, 20000);
    const std::uint16_t clientPort = tcp.clientPort();
    tcp.close();
    const CommandResult ping = runCommand(
        network.inB({"ping", "-q", "-c", "5", "-i", "0.05", "-s", "300", network.addressA}));
    ASSERT_EQ(ping.status, 0) << ping.err;
    std::this_thread::sleep_for(200ms);  // the FIN exchange

    const CaptureReading reading =
        readUntilMatching(test.engine, network, network.ifA, network.addressA, test.baseline);
    expectSumsEqualCounters(reading, network, network.ifA, network.addressA, test.baseline);

    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const auto flow = findFlow(reading, Protocol::Udp, network.addressA,
                                   static_cast<std::uint16_t>(47000 + i), network.addressB);
        ASSERT_TRUE(flow) << "udp flow of size " << sizes[i];
        EXPECT_EQ(flow->packetsIn, 5u);
        EXPECT_EQ(flow->bytesIn,
                  5 * (static_cast<std::uint64_t>(sizes[i]) + kUdpOverIpv4FrameOverhead));
        EXPECT_EQ(flow->packetsOut, 0u);
        expectOwner(*flow, owner);  // the receiving socket
    }
    const auto icmp = findFlow(reading, Protocol::Icmp, network.addressA, 0, network.addressB);
    ASSERT_TRUE(icmp);
    EXPECT_EQ(icmp->key.remotePort, 0);
    EXPECT_EQ(icmp->packetsIn, 5u);
    EXPECT_EQ(icmp->packetsOut, 5u);
    EXPECT_EQ(icmp->bytesIn, 5 * (300 + kIcmpEchoOverhead));
    EXPECT_EQ(icmp->bytesOut, 5 * (300 + kIcmpEchoOverhead));
    if (owner) {
        EXPECT_FALSE(icmp->pid) << "the kernel answers pings: no socket, no process";
    }

    const auto server =
        findFlow(reading, Protocol::Tcp, network.addressA, 47100, network.addressB, clientPort);
    ASSERT_TRUE(server);
    // Payload plus one Ethernet/IP/TCP header per segment (GSO may merge segments, so the
    // count comes from the capture; the veth counters check it above).
    EXPECT_EQ(server->bytesIn, 300000 + server->packetsIn * kTcpSegmentOverhead + kSynExtraOptions);
    EXPECT_EQ(server->bytesOut,
              20000 + server->packetsOut * kTcpSegmentOverhead + kSynExtraOptions);
    if (owner) {
        EXPECT_EQ(server->pid, owner->pid);
    }
    for (const CaptureInterfaceStats& stats : reading.interfaces) {
        EXPECT_EQ(stats.kernelDrops, 0u);
        EXPECT_EQ(stats.other.packetsIn + stats.other.packetsOut, 0u);  // a quiet link
    }
}

void checkInterfaceAddedIsPickedUp(const EngineUnderTest& test, const std::string& tag) {
    const TestNetwork& network = test.network;
    ASSERT_EQ(sendUdpFromBToA(network, 3, 200, 47200).received, 3);
    const ExtraLink extra(network, tag);
    test.attach({network.ifA, extra.ifA});
    const InterfaceCounters extraBaseline = kernelCounters(network, extra.ifA);
    extra.sendUdpFromB(4, 500, 47300);
    ASSERT_EQ(sendUdpFromBToA(network, 3, 200, 47200).received, 3);

    // Each interface has its own capture: wait for both (readings are totals since the start,
    // so the first one's stay matched while the second catches up).
    readUntilMatching(test.engine, network, extra.ifA, extra.addressA, extraBaseline);
    const CaptureReading reading =
        readUntilMatching(test.engine, network, network.ifA, network.addressA, test.baseline);
    expectSumsEqualCounters(reading, network, extra.ifA, extra.addressA, extraBaseline);
    expectSumsEqualCounters(reading, network, network.ifA, network.addressA, test.baseline);
    const auto added = findFlow(reading, Protocol::Udp, extra.addressA, 47300, extra.addressB);
    ASSERT_TRUE(added);
    EXPECT_EQ(added->packetsIn, 4u);
    EXPECT_EQ(added->bytesIn, 4 * (500 + kUdpOverIpv4FrameOverhead));
    // Two senders (two source ports), before and after the other interface came.
    const CapturedFlow first = totalOfFlows(reading, Protocol::Udp, network.addressA, 47200);
    EXPECT_EQ(first.packetsIn, 6u);
    EXPECT_EQ(first.bytesIn, 6 * (200 + kUdpOverIpv4FrameOverhead));
}

void checkInterfaceDeletedEndsWithAWarning(const EngineUnderTest& test, const std::string& tag) {
    const TestNetwork& network = test.network;
    auto extra = std::make_unique<ExtraLink>(network, tag);
    test.attach({network.ifA, extra->ifA});
    extra->sendUdpFromB(2, 100, 47400);
    std::this_thread::sleep_for(300ms);
    extra->remove();
    ASSERT_EQ(sendUdpFromBToA(network, 4, 300, 47500).received, 4);

    const CaptureReading reading =
        readUntilMatching(test.engine, network, network.ifA, network.addressA, test.baseline);
    expectSumsEqualCounters(reading, network, network.ifA, network.addressA, test.baseline);
    std::string warnings = joined(reading.warnings);
    // The warning may come with this reading or, if the engine noticed late, a later one.
    for (int i = 0; i < 20 && warnings.find(extra->ifA) == std::string::npos; ++i) {
        std::this_thread::sleep_for(100ms);
        const auto next = test.engine.read();
        ASSERT_TRUE(next);
        warnings += joined(next->warnings);
    }
    EXPECT_NE(warnings.find("capture on " + extra->ifA + " ended"), std::string::npos) << warnings;
    const auto flow = findFlow(reading, Protocol::Udp, extra->addressA, 47400, extra->addressB);
    ASSERT_TRUE(flow);  // counted before the interface went away, and kept
    EXPECT_EQ(flow->bytesIn, 2 * (100 + kUdpOverIpv4FrameOverhead));
    // The engine goes on: the remaining interface still counts, and detaching is clean.
    ASSERT_EQ(sendUdpFromBToA(network, 1, 10, 47500).received, 1);
    const CaptureReading later =
        readUntilMatching(test.engine, network, network.ifA, network.addressA, test.baseline);
    expectSumsEqualCounters(later, network, network.ifA, network.addressA, test.baseline);
    test.attach({});
    const auto empty = test.engine.read();
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->interfaces.empty());
}

}  // namespace netmon::test
