// SPDX-License-Identifier: GPL-3.0-or-later
// The link layer: Ethernet with VLAN tags, Linux cooked SLL/SLL2, raw IP.
#include "capture/link_layer.h"

#include <gtest/gtest.h>

#include "unit/capture/parser_test_support.h"

namespace netmon::capture::test {
namespace {

TEST(LinkLayer, EthernetIpv4UdpGivesAddressesPortsAndWireLength) {
    const Frame frame = udpFrame(100);
    ASSERT_EQ(frame.size(), 14u + 20 + 8 + 100);
    const ParsedPacket packet = parseFrame(frame);
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.protocol, Protocol::Udp);
    EXPECT_EQ(packet.source, v4(kHostA));
    EXPECT_EQ(packet.destination, v4(kHostB));
    EXPECT_EQ(packet.sourcePort, 1000);
    EXPECT_EQ(packet.destinationPort, 2000);
    EXPECT_EQ(packet.wireLength, 142u);
    EXPECT_EQ(packet.direction, PacketDirection::Unknown);
}

TEST(LinkLayer, SnapLengthShorterThanTheFrameStillCountsTheWireLength) {
    const Frame frame = udpFrame(1400);
    const ParsedPacket packet = parsePrefix(frame, 64);  // headers end at 42
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.destinationPort, 2000);
    EXPECT_EQ(packet.wireLength, 1442u);
}

TEST(LinkLayer, EthernetShorterThanItsHeaderIsTruncated) {
    const Frame frame = udpFrame();
    for (std::size_t size = 0; size < 14; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
}

TEST(LinkLayer, ArpAndLlcAreNotIp) {
    EXPECT_EQ(parseFrame(ethernetHeader(0x0806) + payload(28)).status, ParseStatus::NonIp);
    // An 802.3 length (< 0x0600) in the type field: LLC follows.
    const ParsedPacket llc = parseFrame(ethernetHeader(0x0026) + payload(38));
    EXPECT_EQ(llc.status, ParseStatus::NonIp);
    EXPECT_EQ(llc.wireLength, 52u);
}

TEST(LinkLayer, VlanTagsOfEveryKindAreSkipped) {
    const Frame ip = ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    for (const std::uint16_t tpid : {0x8100, 0x88a8, 0x9100}) {
        const ParsedPacket packet = parseFrame(ethernetHeader(tpid) + vlanTag(10, 0x0800) + ip);
        EXPECT_EQ(packet.status, ParseStatus::Ok) << tpid;
        EXPECT_EQ(packet.destinationPort, 2);
        EXPECT_EQ(packet.wireLength, 14u + 4 + 28);
    }
    // QinQ: service tag 0x88a8 outside, customer tag 0x8100 inside.
    const Frame qinq = ethernetHeader(0x88a8) + vlanTag(100, 0x8100) + vlanTag(10, 0x0800) + ip;
    EXPECT_EQ(parseFrame(qinq).status, ParseStatus::Ok);
    EXPECT_EQ(parseFrame(qinq).sourcePort, 1);
}

TEST(LinkLayer, TruncatedVlanTagIsTruncated) {
    const Frame frame = ethernetHeader(0x8100) + vlanTag(10, 0x0800) +
                        ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    for (std::size_t size = 14; size < 18; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
}

TEST(LinkLayer, MoreThanThreeVlanTagsIsMalformed) {
    const Frame frame = ethernetHeader(0x8100) + vlanTag(1, 0x8100) + vlanTag(2, 0x8100) +
                        vlanTag(3, 0x8100) + vlanTag(4, 0x0800) +
                        ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    EXPECT_EQ(parseFrame(frame).status, ParseStatus::Malformed);
}

TEST(LinkLayer, SllTellsDirectionAndCountsTheDevicesEthernetHeader) {
    const Frame ip = ipv4Header(6, kHostA, kHostB, 20) + tcpHeader(443, 50000);
    const ParsedPacket in = parseFrame(sllHeader(0, 1, 0x0800) + ip, LinkType::LinuxSll);
    EXPECT_EQ(in.status, ParseStatus::Ok);
    EXPECT_EQ(in.protocol, Protocol::Tcp);
    EXPECT_EQ(in.direction, PacketDirection::In);
    EXPECT_EQ(in.sourcePort, 443);
    EXPECT_EQ(in.wireLength, 14u + 40);  // the 16-byte cooked header stands for 14 on the wire
    const ParsedPacket out = parseFrame(sllHeader(4, 1, 0x0800) + ip, LinkType::LinuxSll);
    EXPECT_EQ(out.direction, PacketDirection::Out);
    // A device without a link header (tun, WireGuard: ARPHRD_NONE) counts the IP bytes only.
    const ParsedPacket tun = parseFrame(sllHeader(0, 0xfffe, 0x0800) + ip, LinkType::LinuxSll);
    EXPECT_EQ(tun.wireLength, 40u);
}

TEST(LinkLayer, SllTruncatedNonIpAndTagged) {
    const Frame frame =
        sllHeader(0, 1, 0x0800) + ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    for (std::size_t size = 0; size < 16; ++size) {
        EXPECT_EQ(parsePrefix(frame, size, LinkType::LinuxSll).status, ParseStatus::Truncated);
    }
    EXPECT_EQ(parseFrame(sllHeader(0, 1, 0x0004) + payload(30), LinkType::LinuxSll).status,
              ParseStatus::NonIp);
    const Frame tagged = sllHeader(0, 1, 0x8100) + vlanTag(5, 0x0800) +
                         ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    EXPECT_EQ(parseFrame(tagged, LinkType::LinuxSll).destinationPort, 2);
}

TEST(LinkLayer, Sll2TellsDirectionAndCountsTheDevicesEthernetHeader) {
    const Frame ip = ipv6Header(17, kHost6A, kHost6B, 8) + udpHeader(53, 40000, 8);
    const ParsedPacket in = parseFrame(sll2Header(0, 1, 0x86dd) + ip, LinkType::LinuxSll2);
    EXPECT_EQ(in.status, ParseStatus::Ok);
    EXPECT_EQ(in.direction, PacketDirection::In);
    EXPECT_EQ(in.source, v6(kHost6A));
    EXPECT_EQ(in.wireLength, 14u + 48);
    const ParsedPacket out = parseFrame(sll2Header(4, 772, 0x86dd) + ip, LinkType::LinuxSll2);
    EXPECT_EQ(out.direction, PacketDirection::Out);
    EXPECT_EQ(out.wireLength, 14u + 48);
    for (std::size_t size = 0; size < 20; ++size) {
        EXPECT_EQ(parsePrefix(sll2Header(0, 1, 0x86dd) + ip, size, LinkType::LinuxSll2).status,
                  ParseStatus::Truncated);
    }
    EXPECT_EQ(parseFrame(sll2Header(0, 1, 0x0806) + payload(28), LinkType::LinuxSll2).status,
              ParseStatus::NonIp);
}

TEST(LinkLayer, RawIpByVersionNibble) {
    const Frame v4Frame = ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    const Frame v6Frame = ipv6Header(17, kHost6A, kHost6B, 8) + udpHeader(1, 2, 8);
    EXPECT_EQ(parseFrame(v4Frame, LinkType::RawIp).source, v4(kHostA));
    EXPECT_EQ(parseFrame(v4Frame, LinkType::RawIp).wireLength, 28u);
    EXPECT_EQ(parseFrame(v6Frame, LinkType::RawIp).source, v6(kHost6A));
    EXPECT_EQ(parseFrame(v4Frame, LinkType::Ipv4).status, ParseStatus::Ok);
    EXPECT_EQ(parseFrame(v6Frame, LinkType::Ipv6).status, ParseStatus::Ok);
    EXPECT_EQ(parseFrame(v6Frame, LinkType::Ipv4).status, ParseStatus::Malformed);
    EXPECT_EQ(parseFrame(Frame{}, LinkType::RawIp).status, ParseStatus::Truncated);
    EXPECT_EQ(parseFrame(bytes({0x50, 0, 0, 0}), LinkType::RawIp).status, ParseStatus::Malformed);
}

TEST(LinkLayer, DltValuesMapToLinkTypes) {
    EXPECT_EQ(linkTypeFromDlt(1), LinkType::Ethernet);
    EXPECT_EQ(linkTypeFromDlt(113), LinkType::LinuxSll);
    EXPECT_EQ(linkTypeFromDlt(276), LinkType::LinuxSll2);
    EXPECT_EQ(linkTypeFromDlt(12), LinkType::RawIp);
    EXPECT_EQ(linkTypeFromDlt(101), LinkType::RawIp);
    EXPECT_EQ(linkTypeFromDlt(228), LinkType::Ipv4);
    EXPECT_EQ(linkTypeFromDlt(229), LinkType::Ipv6);
    EXPECT_EQ(linkTypeFromDlt(127), LinkType::Unsupported);  // radiotap
    EXPECT_EQ(parseFrame(udpFrame(), LinkType::Unsupported).status, ParseStatus::NonIp);
}

}  // namespace
}  // namespace netmon::capture::test
