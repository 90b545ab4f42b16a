// SPDX-License-Identifier: GPL-3.0-or-later
// The libpcap engine inside namespace a of a quiet veth pair: per-flow bytes and packets equal
// what the test sent (wire bytes computed by hand), and flows + other equal the veth's own
// counters exactly, per direction. Interfaces come and go during the capture.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <chrono>
#include <functional>
#include <thread>

#include "capture/pcap/pcap_capture_engine.h"
#include "integration/child_process.h"
#include "integration/namespace_call.h"
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

class PcapEngine : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto reason = TestNetwork::unavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        network = std::make_unique<TestNetwork>();
        engine = capture::makePcapCaptureEngine();
        attach({network->ifA});
        baseline = kernelCounters(*network, network->ifA);
    }

    void attach(const std::vector<std::string>& names) {
        const auto attached =
            inNamespace(network->nsA, [&] { return engine->setInterfaces(names); });
        ASSERT_TRUE(attached) << attached.error().describe();
    }

    std::unique_ptr<TestNetwork> network;
    std::unique_ptr<CaptureEngine> engine;
    InterfaceCounters baseline;
};

TEST_F(PcapEngine, CountsUdpTcpAndIcmpToTheByteAndAddsUpToTheVethCounters) {
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
    }
    const auto icmp = findFlow(reading, Protocol::Icmp, network->addressA, 0, network->addressB);
    ASSERT_TRUE(icmp);
    EXPECT_EQ(icmp->key.remotePort, 0);
    EXPECT_EQ(icmp->packetsIn, 5u);
    EXPECT_EQ(icmp->packetsOut, 5u);
    EXPECT_EQ(icmp->bytesIn, 5 * (300 + kIcmpEchoOverhead));
    EXPECT_EQ(icmp->bytesOut, 5 * (300 + kIcmpEchoOverhead));

    const auto server =
        findFlow(reading, Protocol::Tcp, network->addressA, 47100, network->addressB, clientPort);
    ASSERT_TRUE(server);
    // Payload plus one Ethernet/IP/TCP header per segment (GSO may merge segments, so the
    // count comes from the capture; the veth counters check it above).
    EXPECT_EQ(server->bytesIn, 300000 + server->packetsIn * kTcpSegmentOverhead + kSynExtraOptions);
    EXPECT_EQ(server->bytesOut,
              20000 + server->packetsOut * kTcpSegmentOverhead + kSynExtraOptions);
    for (const CaptureInterfaceStats& stats : reading.interfaces) {
        EXPECT_EQ(stats.kernelDrops, 0u);
        EXPECT_EQ(stats.other.packetsIn + stats.other.packetsOut, 0u);  // a quiet link
    }
}

TEST_F(PcapEngine, AnInterfaceAddedDuringCaptureIsPickedUpWithoutDisturbingTheOthers) {
    ASSERT_EQ(sendUdpFromBToA(*network, 3, 200, 47200).received, 3);
    const ExtraLink extra(*network, "c");
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
    // Two senders (two source ports), before and after the other interface came.
    const CapturedFlow first = totalOfFlows(reading, Protocol::Udp, network->addressA, 47200);
    EXPECT_EQ(first.packetsIn, 6u);
    EXPECT_EQ(first.bytesIn, 6 * (200 + kUdpOverIpv4FrameOverhead));
}

TEST_F(PcapEngine, AnInterfaceDeletedMidCaptureEndsItsThreadWithAWarning) {
    auto extra = std::make_unique<ExtraLink>(*network, "d");
    attach({network->ifA, extra->ifA});
    extra->sendUdpFromB(2, 100, 47400);
    std::this_thread::sleep_for(300ms);
    extra->remove();
    ASSERT_EQ(sendUdpFromBToA(*network, 4, 300, 47500).received, 4);

    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
    std::string warnings;
    for (const std::string& warning : reading.warnings) {
        warnings += warning + "\n";
    }
    // The warning may come with this reading or, if the thread noticed late, the next.
    for (int i = 0; i < 20 && warnings.find(extra->ifA) == std::string::npos; ++i) {
        std::this_thread::sleep_for(100ms);
        const auto next = engine->read();
        ASSERT_TRUE(next);
        for (const std::string& warning : next->warnings) {
            warnings += warning + "\n";
        }
    }
    EXPECT_NE(warnings.find("capture on " + extra->ifA + " ended"), std::string::npos) << warnings;
    const auto flow = findFlow(reading, Protocol::Udp, extra->addressA, 47400, extra->addressB);
    ASSERT_TRUE(flow);  // counted before the interface went away, and kept
    EXPECT_EQ(flow->bytesIn, 2 * (100 + kUdpOverIpv4FrameOverhead));
    // The engine goes on: the remaining interface still counts, and detaching is clean.
    ASSERT_EQ(sendUdpFromBToA(*network, 1, 10, 47500).received, 1);
    const CaptureReading later =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(later, *network, network->ifA, network->addressA, baseline);
    attach({});
    const auto empty = engine->read();
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->interfaces.empty());
}

}  // namespace
}  // namespace netmon::test
