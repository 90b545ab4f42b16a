// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "capture/packet_parser.h"
#include "unit/capture/frame_builder.h"

namespace netmon::capture::test {

// Parses a whole frame (captured = wire) or its first `captured` bytes.
inline ParsedPacket parseFrame(const Frame& frame, LinkType type = LinkType::Ethernet) {
    PacketParser parser(type);
    return parser.parse(Bytes(frame), static_cast<std::uint32_t>(frame.size()));
}

inline ParsedPacket parsePrefix(const Frame& frame, std::size_t captured,
                                LinkType type = LinkType::Ethernet) {
    PacketParser parser(type);
    return parser.parse(Bytes(frame).first(captured), static_cast<std::uint32_t>(frame.size()));
}

inline IpAddress v4(V4 bytes) {
    return IpAddress::v4(bytes);
}

inline IpAddress v6(V6 bytes) {
    return IpAddress::v6(bytes);
}

// A UDP datagram A:1000 → B:2000 with `size` bytes of payload over Ethernet.
inline Frame udpFrame(std::size_t size = 100) {
    const auto udpLength = static_cast<std::uint16_t>(8 + size);
    return ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, udpLength) +
           udpHeader(1000, 2000, udpLength) + payload(size);
}

}  // namespace netmon::capture::test
