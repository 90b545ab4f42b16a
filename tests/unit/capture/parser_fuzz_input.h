// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The parser fuzzer's input format, shared by the fuzzer, its corpus and the corpus test:
//   byte 0      link type (value % 6: Ethernet, SLL, SLL2, raw IP, IPv4, IPv6)
//   bytes 1–2   wire bytes beyond the captured ones, big-endian (a snaplen cut)
//   the rest    the captured frame

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "capture/packet_parser.h"
#include "unit/capture/frame_builder.h"

namespace netmon::capture::test {

struct FuzzInput {
    LinkType linkType = LinkType::Ethernet;
    Bytes captured;
    std::uint32_t wireLength = 0;
};

inline constexpr LinkType kFuzzLinkTypes[] = {LinkType::Ethernet,  LinkType::LinuxSll,
                                              LinkType::LinuxSll2, LinkType::RawIp,
                                              LinkType::Ipv4,      LinkType::Ipv6};

inline FuzzInput decodeFuzzInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput input;
    if (size < 3) {
        return input;
    }
    input.linkType = kFuzzLinkTypes[data[0] % 6];
    const std::uint32_t extra = static_cast<std::uint32_t>(data[1] << 8 | data[2]);
    input.captured = Bytes(data + 3, size - 3);
    input.wireLength = static_cast<std::uint32_t>(size - 3) + extra;
    return input;
}

inline Frame encodeFuzzInput(std::uint8_t linkIndex, std::uint16_t extraWire, const Frame& frame) {
    Frame out{linkIndex, static_cast<std::uint8_t>(extraWire >> 8),
              static_cast<std::uint8_t>(extraWire & 0xff)};
    return out + frame;
}

// The committed seed corpus (tests/data/parser_corpus/): one frame of each kind the parser
// reads, and the status it gets.
struct CorpusEntry {
    std::string name;
    Frame input;
    ParseStatus expected;
};

inline std::vector<CorpusEntry> parserCorpus() {
    const Frame udp = udpHeader(40000, 53, 8 + 32) + payload(32);
    const Frame ip4udp = ipv4Header(17, kHostA, kHostB, udp.size()) + udp;
    const Frame ip6udp = ipv6Header(17, kHost6A, kHost6B, 40) + udp;
    const Frame tcpOptions = tcpHeader(51000, 443, 8) + payload(16);
    const Frame ipOptions{0x94, 0x04, 0, 0};
    const Frame chain = ipv6Options(60) + ipv6Options(43, 1) + ipv6Options(51) +
                        ipv6Authentication(6) + tcpHeader(22, 61000);
    return {
        {"eth_ipv4_udp.bin", encodeFuzzInput(0, 0, ethernetHeader(0x0800) + ip4udp),
         ParseStatus::Ok},
        {"eth_ipv4_udp_snaplen.bin",
         encodeFuzzInput(0, 1410,
                         ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 1440) +
                             udpHeader(1, 2, 1440) + payload(22)),
         ParseStatus::Ok},
        {"eth_ipv4_options_tcp.bin",
         encodeFuzzInput(0, 0,
                         ethernetHeader(0x0800) +
                             ipv4Header(6, kHostA, kHostB, tcpOptions.size(), 9, 0, ipOptions) +
                             tcpOptions),
         ParseStatus::Ok},
        {"eth_qinq_ipv4_icmp.bin",
         encodeFuzzInput(0, 0,
                         ethernetHeader(0x88a8) + vlanTag(100, 0x8100) + vlanTag(10, 0x0800) +
                             ipv4Header(1, kHostA, kHostB, 16) + icmpEcho(8) + payload(8)),
         ParseStatus::Ok},
        {"eth_ipv6_chain_tcp.bin",
         encodeFuzzInput(
             0, 0,
             ethernetHeader(0x86dd) +
                 ipv6Header(0, kHost6A, kHost6B, static_cast<std::uint16_t>(chain.size())) + chain),
         ParseStatus::Ok},
        {"eth_ipv6_icmpv6.bin",
         encodeFuzzInput(0, 0,
                         ethernetHeader(0x86dd) + ipv6Header(58, kHost6A, kHost6B, 16) +
                             icmpEcho(128) + payload(8)),
         ParseStatus::Ok},
        {"eth_ipv4_first_fragment.bin",
         encodeFuzzInput(0, 0,
                         ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 24, 5, 0x2000) +
                             udpHeader(4000, 5000, 48) + payload(16)),
         ParseStatus::Ok},
        {"eth_ipv4_later_fragment.bin",
         encodeFuzzInput(
             0, 0, ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 24, 5, 3) + payload(24)),
         ParseStatus::Ok},
        {"eth_ipv6_fragment.bin",
         encodeFuzzInput(0, 0,
                         ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 24) +
                             ipv6Fragment(17, 0, true, 99) + udpHeader(7, 8, 100) + payload(8)),
         ParseStatus::Ok},
        {"sll_ipv4_udp_out.bin", encodeFuzzInput(1, 0, sllHeader(4, 1, 0x0800) + ip4udp),
         ParseStatus::Ok},
        {"sll2_ipv6_udp_in.bin", encodeFuzzInput(2, 0, sll2Header(0, 1, 0x86dd) + ip6udp),
         ParseStatus::Ok},
        {"raw_ipv4_udp.bin", encodeFuzzInput(3, 0, ip4udp), ParseStatus::Ok},
        {"eth_arp.bin", encodeFuzzInput(0, 0, ethernetHeader(0x0806) + payload(28)),
         ParseStatus::NonIp},
        {"eth_ipv4_bad_ihl.bin",
         encodeFuzzInput(
             0, 0, ethernetHeader(0x0800) + Frame{0x43} + Frame(ip4udp.begin() + 1, ip4udp.end())),
         ParseStatus::Malformed},
    };
}

}  // namespace netmon::capture::test
