// SPDX-License-Identifier: GPL-3.0-or-later
// IPv6 and its extension header chain.
#include "capture/ipv6_header.h"

#include <gtest/gtest.h>

#include "unit/capture/parser_test_support.h"

namespace netmon::capture::test {
namespace {

Frame ipv6Frame(std::uint8_t nextHeader, const Frame& rest) {
    return ethernetHeader(0x86dd) +
           ipv6Header(nextHeader, kHost6A, kHost6B, static_cast<std::uint16_t>(rest.size())) + rest;
}

TEST(Ipv6Header, PlainUdp) {
    const ParsedPacket packet = parseFrame(ipv6Frame(17, udpHeader(546, 547, 12) + payload(4)));
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.protocol, Protocol::Udp);
    EXPECT_EQ(packet.source, v6(kHost6A));
    EXPECT_EQ(packet.destination, v6(kHost6B));
    EXPECT_EQ(packet.sourcePort, 546);
    EXPECT_EQ(packet.wireLength, 14u + 40 + 12);
}

TEST(Ipv6Header, EveryExtensionHeaderKindIsSkipped) {
    // hop-by-hop → destination options → routing → AH → destination options → TCP
    const Frame chain = ipv6Options(60) + ipv6Options(43, 1) + ipv6Options(51) +
                        ipv6Authentication(60) + ipv6Options(6, 2) + tcpHeader(22, 61000);
    const ParsedPacket packet = parseFrame(ipv6Frame(0, chain));
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.protocol, Protocol::Tcp);
    EXPECT_EQ(packet.sourcePort, 22);
    EXPECT_EQ(packet.destinationPort, 61000);
}

TEST(Ipv6Header, ChainLongerThanEightHeadersIsMalformed) {
    // Nine hop-by-hop headers in a row: the chain a looping or hostile sender makes.
    Frame chain;
    for (int i = 0; i < 8; ++i) {
        chain = chain + ipv6Options(0);
    }
    EXPECT_EQ(parseFrame(ipv6Frame(0, chain + ipv6Options(17) + udpHeader(1, 2, 8))).status,
              ParseStatus::Malformed);
    // Eight is still fine.
    Frame eight;
    for (int i = 0; i < 7; ++i) {
        eight = eight + ipv6Options(60);
    }
    EXPECT_EQ(parseFrame(ipv6Frame(60, eight + ipv6Options(17) + udpHeader(1, 2, 8))).status,
              ParseStatus::Ok);
}

TEST(Ipv6Header, ExtensionHeaderRunningPastThePayloadIsMalformed) {
    Frame options = ipv6Options(17, 0);
    options[1] = 20;  // says 168 bytes; the packet has 16 after the fixed header
    EXPECT_EQ(parseFrame(ipv6Frame(0, options + udpHeader(1, 2, 8))).status,
              ParseStatus::Malformed);
    // The payload length itself ends inside an extension header.
    const Frame frame = ethernetHeader(0x86dd) + ipv6Header(0, kHost6A, kHost6B, 1) + bytes({17});
    EXPECT_EQ(parseFrame(frame).status, ParseStatus::Malformed);
}

TEST(Ipv6Header, PayloadLengthBeyondTheFrameIsMalformed) {
    const Frame frame =
        ethernetHeader(0x86dd) + ipv6Header(17, kHost6A, kHost6B, 100) + udpHeader(1, 2, 8);
    EXPECT_EQ(parseFrame(frame).status, ParseStatus::Malformed);
}

TEST(Ipv6Header, TruncatedInTheFixedHeaderAndInTheChain) {
    const Frame frame =
        ipv6Frame(0, ipv6Options(44) + ipv6Fragment(17, 0, false, 9) + udpHeader(1, 2, 8));
    for (std::size_t size = 14; size < 14 + 40; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
    // Cut inside the hop-by-hop header (needs 2), then inside the fragment header (needs 8),
    // then inside UDP.
    for (const std::size_t size : {54u, 55u, 62u, 69u, 70u, 77u}) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
    EXPECT_EQ(parsePrefix(frame, 78).status, ParseStatus::Ok);
}

TEST(Ipv6Header, EspAndNoNextHeaderEndTheChainWithoutPorts) {
    const ParsedPacket esp = parseFrame(ipv6Frame(50, payload(40)));
    EXPECT_EQ(esp.status, ParseStatus::Ok);
    EXPECT_EQ(esp.protocol, Protocol::Other);
    EXPECT_EQ(esp.sourcePort, 0);
    const ParsedPacket none = parseFrame(ipv6Frame(0, ipv6Options(59)));
    EXPECT_EQ(none.status, ParseStatus::Ok);
    EXPECT_EQ(none.protocol, Protocol::Other);
}

TEST(Ipv6Header, WrongVersionIsMalformed) {
    Frame frame = ipv6Frame(17, udpHeader(1, 2, 8));
    frame[14] = 0x40;
    EXPECT_EQ(parseFrame(frame).status, ParseStatus::Malformed);
}

TEST(Ipv6Header, Icmpv6HasNoPorts) {
    const ParsedPacket packet = parseFrame(ipv6Frame(58, icmpEcho(128) + payload(56)));
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.protocol, Protocol::Icmpv6);
    EXPECT_EQ(packet.sourcePort, 0);
    EXPECT_EQ(packet.destinationPort, 0);
    EXPECT_EQ(parsePrefix(ipv6Frame(58, icmpEcho(128)), 14 + 40 + 3).status,
              ParseStatus::Truncated);
}

TEST(Ipv6Header, DirectCallReportsTheChainsEnd) {
    const Frame ip =
        ipv6Header(60, kHost6A, kHost6B, 16 + 8) + ipv6Options(17, 1) + udpHeader(1, 2, 8);
    const NetworkHeader header = parseIpv6(Bytes(ip), ip.size());
    EXPECT_EQ(header.status, ParseStatus::Ok);
    EXPECT_EQ(header.transportProtocol, 17);
    EXPECT_EQ(header.transportOffset, 56u);
    EXPECT_EQ(header.transportLength, 8u);
}

}  // namespace
}  // namespace netmon::capture::test
