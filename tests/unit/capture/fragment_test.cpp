// SPDX-License-Identifier: GPL-3.0-or-later
// Fragments: later fragments count under the first one's ports, or ports 0 when it is unknown.
#include <gtest/gtest.h>

#include "unit/capture/parser_test_support.h"

namespace netmon::capture::test {
namespace {

constexpr std::uint16_t kMoreFragments = 0x2000;

// A 3000-byte UDP datagram's first fragment (1480 bytes of it) and a later one at 1480.
Frame firstFragment(std::uint16_t id, V4 source = kHostA) {
    return ethernetHeader(0x0800) + ipv4Header(17, source, kHostB, 1480, id, kMoreFragments) +
           udpHeader(4000, 5000, 3008) + payload(1472);
}

Frame laterFragment(std::uint16_t id, V4 source = kHostA) {
    return ethernetHeader(0x0800) + ipv4Header(17, source, kHostB, 1528, id, 1480 / 8) +
           payload(1528);
}

TEST(Fragments, Ipv4LaterFragmentsTakeTheFirstFragmentsPorts) {
    PacketParser parser(LinkType::Ethernet);
    const Frame first = firstFragment(77);
    const ParsedPacket head = parser.parse(Bytes(first), static_cast<std::uint32_t>(first.size()));
    EXPECT_EQ(head.status, ParseStatus::Ok);
    EXPECT_EQ(head.fragment, FragmentKind::First);
    EXPECT_EQ(head.sourcePort, 4000);
    const Frame later = laterFragment(77);
    const ParsedPacket tail =
        parser.parse(Bytes(later).first(64), static_cast<std::uint32_t>(later.size()));
    EXPECT_EQ(tail.status, ParseStatus::Ok);
    EXPECT_EQ(tail.fragment, FragmentKind::Later);
    EXPECT_EQ(tail.protocol, Protocol::Udp);
    EXPECT_EQ(tail.sourcePort, 4000);
    EXPECT_EQ(tail.destinationPort, 5000);
    EXPECT_EQ(tail.wireLength, 14u + 20 + 1528);
}

TEST(Fragments, UnknownOrEarlyLaterFragmentsHavePortsZero) {
    PacketParser parser(LinkType::Ethernet);
    const Frame later = laterFragment(78);
    const ParsedPacket early = parser.parse(Bytes(later), static_cast<std::uint32_t>(later.size()));
    EXPECT_EQ(early.status, ParseStatus::Ok);
    EXPECT_EQ(early.protocol, Protocol::Udp);
    EXPECT_EQ(early.sourcePort, 0);
    EXPECT_EQ(early.destinationPort, 0);
    // Another datagram's first fragment (other id, other source) does not lend its ports.
    const Frame other = firstFragment(79);
    parser.parse(Bytes(other), static_cast<std::uint32_t>(other.size()));
    const Frame otherSource = laterFragment(79, kHostB);
    EXPECT_EQ(
        parser.parse(Bytes(otherSource), static_cast<std::uint32_t>(otherSource.size())).sourcePort,
        0);
}

TEST(Fragments, TheMemoryIsBoundedOldestForgottenFirst) {
    PacketParser parser(LinkType::Ethernet, 2);
    for (const std::uint16_t id : {1, 2, 3}) {
        const Frame first = firstFragment(id);
        parser.parse(Bytes(first), static_cast<std::uint32_t>(first.size()));
    }
    const auto portOf = [&](std::uint16_t id) {
        const Frame later = laterFragment(id);
        return parser.parse(Bytes(later), static_cast<std::uint32_t>(later.size())).sourcePort;
    };
    EXPECT_EQ(portOf(1), 0);
    EXPECT_EQ(portOf(2), 4000);
    EXPECT_EQ(portOf(3), 4000);
}

TEST(Fragments, Ipv6FragmentHeaderFirstAndLater) {
    PacketParser parser(LinkType::Ethernet);
    const Frame first = ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 8 + 8 + 8) +
                        ipv6Fragment(17, 0, true, 0xabcdef) + udpHeader(7000, 8000, 3000) +
                        payload(8);
    const ParsedPacket head = parser.parse(Bytes(first), static_cast<std::uint32_t>(first.size()));
    EXPECT_EQ(head.status, ParseStatus::Ok);
    EXPECT_EQ(head.fragment, FragmentKind::First);
    EXPECT_EQ(head.destinationPort, 8000);
    const Frame later = ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 8 + 64) +
                        ipv6Fragment(17, 2, false, 0xabcdef) + payload(64);
    const ParsedPacket tail = parser.parse(Bytes(later), static_cast<std::uint32_t>(later.size()));
    EXPECT_EQ(tail.status, ParseStatus::Ok);
    EXPECT_EQ(tail.fragment, FragmentKind::Later);
    EXPECT_EQ(tail.protocol, Protocol::Udp);
    EXPECT_EQ(tail.sourcePort, 7000);
    const Frame stranger = ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 8 + 64) +
                           ipv6Fragment(17, 2, false, 0x1234) + payload(64);
    EXPECT_EQ(parser.parse(Bytes(stranger), static_cast<std::uint32_t>(stranger.size())).sourcePort,
              0);
}

TEST(Fragments, AnAtomicFragmentIsAWholeDatagram) {
    const Frame frame = ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 16) +
                        ipv6Fragment(17, 0, false, 5) + udpHeader(1, 2, 8);
    const ParsedPacket packet = parseFrame(frame);
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.fragment, FragmentKind::None);
    EXPECT_EQ(packet.destinationPort, 2);
}

}  // namespace
}  // namespace netmon::capture::test
