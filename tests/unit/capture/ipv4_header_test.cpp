// SPDX-License-Identifier: GPL-3.0-or-later
// IPv4: options, length checks, truncation at every byte.
#include "capture/ipv4_header.h"

#include <gtest/gtest.h>

#include "unit/capture/parser_test_support.h"

namespace netmon::capture::test {
namespace {

TEST(Ipv4Header, OptionsMoveTheTransportHeader) {
    const Frame options = bytes({0x94, 0x04, 0, 0, 0x01, 0x01, 0x01, 0x00});  // router alert, NOPs
    const Frame frame = ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 8, 1, 0, options) +
                        udpHeader(5353, 5354, 8);
    const ParsedPacket packet = parseFrame(frame);
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.sourcePort, 5353);
    EXPECT_EQ(packet.destinationPort, 5354);
    EXPECT_EQ(packet.wireLength, 14u + 28 + 8);
}

TEST(Ipv4Header, HeaderLengthBelowFiveWordsIsMalformed) {
    Frame ip = ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    for (const std::uint8_t ihl : {0, 1, 4}) {
        ip[0] = static_cast<std::uint8_t>(0x40 | ihl);
        EXPECT_EQ(parseFrame(ethernetHeader(0x0800) + ip).status, ParseStatus::Malformed) << +ihl;
    }
}

TEST(Ipv4Header, WrongVersionIsMalformed) {
    Frame ip = ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 8);
    ip[0] = 0x65;
    EXPECT_EQ(parseFrame(ethernetHeader(0x0800) + ip).status, ParseStatus::Malformed);
}

TEST(Ipv4Header, TotalLengthShorterThanTheHeaderIsMalformed) {
    const Frame options(8, 1);
    const Frame frame = ethernetHeader(0x0800) +
                        ipv4Header(17, kHostA, kHostB, 8, 1, 0, options, 24) + udpHeader(1, 2, 8);
    EXPECT_EQ(parseFrame(frame).status, ParseStatus::Malformed);  // IHL says 28
    EXPECT_EQ(parseFrame(ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 0, 1, 0, {}, 19) +
                         payload(8))
                  .status,
              ParseStatus::Malformed);
}

TEST(Ipv4Header, TotalLengthBeyondTheFrameIsMalformed) {
    const Frame frame = ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 8, 1, 0, {}, 500) +
                        udpHeader(1, 2, 8);
    EXPECT_EQ(parseFrame(frame).status, ParseStatus::Malformed);
}

TEST(Ipv4Header, EthernetPaddingAfterTheDatagramIsCountedOnTheWire) {
    const Frame frame = ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 8) +
                        udpHeader(1, 2, 8) + payload(18);  // padded to 60 bytes
    const ParsedPacket packet = parseFrame(frame);
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.wireLength, 60u);
}

TEST(Ipv4Header, TotalLengthZeroIsASegmentationOffloadFrame) {
    const Frame frame = ethernetHeader(0x0800) + ipv4Header(6, kHostA, kHostB, 20, 1, 0, {}, 0) +
                        tcpHeader(80, 4000) + payload(3000);
    const ParsedPacket packet = parseFrame(frame);
    EXPECT_EQ(packet.status, ParseStatus::Ok);
    EXPECT_EQ(packet.sourcePort, 80);
}

TEST(Ipv4Header, TruncatedAtEveryByteOfTheHeaderAndOptions) {
    const Frame options(12, 1);
    const Frame frame = ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 8, 1, 0, options) +
                        udpHeader(1, 2, 8);
    for (std::size_t size = 14; size < 14 + 32; ++size) {
        EXPECT_EQ(parsePrefix(frame, size).status, ParseStatus::Truncated) << size;
    }
    EXPECT_EQ(parsePrefix(frame, 14 + 32 + 8).status, ParseStatus::Ok);
}

TEST(Ipv4Header, DirectCallReportsTransportOffsetAndLength) {
    const Frame ip =
        ipv4Header(6, kHostA, kHostB, 40, 7, 0, Frame(4, 0)) + tcpHeader(1, 2) + payload(20);
    const NetworkHeader header = parseIpv4(Bytes(ip), ip.size());
    EXPECT_EQ(header.status, ParseStatus::Ok);
    EXPECT_EQ(header.transportOffset, 24u);
    EXPECT_EQ(header.transportLength, 40u);
    EXPECT_EQ(header.transportProtocol, 6);
    EXPECT_EQ(header.fragmentId, 7u);
    EXPECT_EQ(header.fragment, FragmentKind::None);
}

}  // namespace
}  // namespace netmon::capture::test
