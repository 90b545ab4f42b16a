// SPDX-License-Identifier: GPL-3.0-or-later
// TCP, UDP, ICMP and other protocols over IPv4.
#include "capture/transport_header.h"

#include <gtest/gtest.h>

#include "unit/capture/parser_test_support.h"

namespace netmon::capture::test {
namespace {

Frame overIpv4(std::uint8_t protocol, const Frame& segment) {
    return ethernetHeader(0x0800) + ipv4Header(protocol, kHostA, kHostB, segment.size()) + segment;
}

TEST(TransportHeader, TcpPorts) {
    const ParsedPacket packet = parseFrame(overIpv4(6, tcpHeader(51000, 443, 8) + payload(10)));
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.protocol, Protocol::Tcp);
    EXPECT_EQ(packet.sourcePort, 51000);
    EXPECT_EQ(packet.destinationPort, 443);
    EXPECT_EQ(packet.wireLength, 14u + 20 + 32 + 10);
}

TEST(TransportHeader, TcpDataOffsetBelowFiveOrPastTheSegmentIsMalformed) {
    Frame segment = tcpHeader(1, 2);
    segment[12] = 0x40;
    EXPECT_EQ(parseFrame(overIpv4(6, segment)).status, ParseStatus::Malformed);
    segment[12] = 0xf0;  // 60 bytes of header in a 20-byte segment
    EXPECT_EQ(parseFrame(overIpv4(6, segment)).status, ParseStatus::Malformed);
}

TEST(TransportHeader, TcpShorterThanItsHeaderOnTheWireIsMalformed) {
    EXPECT_EQ(parseFrame(overIpv4(6, payload(12))).status, ParseStatus::Malformed);
}

TEST(TransportHeader, TcpTruncatedAtEveryByte) {
    const Frame frame = overIpv4(6, tcpHeader(1, 2) + payload(100));
    for (std::size_t size = 34; size < 54; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
    EXPECT_EQ(parsePrefix(frame, 54).status, ParseStatus::Ok);
}

TEST(TransportHeader, UdpLengthChecks) {
    EXPECT_EQ(parseFrame(overIpv4(17, udpHeader(1, 2, 7))).status, ParseStatus::Malformed);
    EXPECT_EQ(parseFrame(overIpv4(17, udpHeader(1, 2, 9))).status, ParseStatus::Malformed);
    EXPECT_EQ(parseFrame(overIpv4(17, udpHeader(1, 2, 8) + payload(4))).status, ParseStatus::Ok);
    EXPECT_EQ(parseFrame(overIpv4(17, payload(6))).status, ParseStatus::Malformed);
}

TEST(TransportHeader, UdpTruncatedAtEveryByte) {
    const Frame frame = udpFrame(20);
    for (std::size_t size = 34; size < 42; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
}

TEST(TransportHeader, IcmpEchoHasNoPorts) {
    const ParsedPacket packet = parseFrame(overIpv4(1, icmpEcho(8) + payload(56)));
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.protocol, Protocol::Icmp);
    EXPECT_EQ(packet.sourcePort, 0);
    EXPECT_EQ(packet.destinationPort, 0);
    EXPECT_EQ(packet.wireLength, 14u + 20 + 8 + 56);
}

TEST(TransportHeader, IcmpTruncatedOrTooShort) {
    const Frame frame = overIpv4(1, icmpEcho(0));
    for (std::size_t size = 34; size < 38; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
    EXPECT_EQ(parseFrame(overIpv4(1, bytes({8, 0}))).status, ParseStatus::Malformed);
}

TEST(TransportHeader, OtherProtocolsCountWithoutPorts) {
    const ParsedPacket gre = parseFrame(overIpv4(47, payload(24)));
    EXPECT_EQ(gre.status, ParseStatus::Ok);
    EXPECT_EQ(gre.protocol, Protocol::Other);
    EXPECT_EQ(gre.sourcePort, 0);
    EXPECT_EQ(protocolFromNumber(132), Protocol::Other);
    EXPECT_EQ(protocolFromNumber(58), Protocol::Icmpv6);
}

}  // namespace
}  // namespace netmon::capture::test
