// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#include "capture/byte_reader.h"
#include "capture/parse_status.h"

namespace netmon::capture {

// The link-layer header types the parser reads (libpcap's DLT_ values, mapped by
// linkTypeFromDlt). Anything else is Unsupported and every frame of it is NonIp.
enum class LinkType : std::uint8_t {
    Ethernet,   // DLT_EN10MB, with 802.1Q / 802.1ad / QinQ tags
    LinuxSll,   // DLT_LINUX_SLL: 16-byte "cooked" header
    LinuxSll2,  // DLT_LINUX_SLL2: 20-byte "cooked" header with the interface index
    RawIp,      // DLT_RAW: IPv4 or IPv6 by the version nibble
    Ipv4,       // DLT_IPV4
    Ipv6,       // DLT_IPV6
    Unsupported,
};

LinkType linkTypeFromDlt(int dlt);

enum class NetworkProtocol : std::uint8_t { Ipv4, Ipv6 };

// At most this many VLAN tags (QinQ has two); more is Malformed.
inline constexpr int kMaxVlanTags = 3;

struct LinkLayer {
    ParseStatus status = ParseStatus::Ok;
    NetworkProtocol network = NetworkProtocol::Ipv4;  // valid when status is Ok
    std::size_t headerLength = 0;                     // where the network header starts
    // Cooked headers replace the device's own link header: wire length = capture length +
    // this (e.g. 14 - 16 for Ethernet under SLL). 0 for the other link types.
    std::int32_t wireAdjustment = 0;
    PacketDirection direction = PacketDirection::Unknown;
};

LinkLayer parseLinkLayer(Bytes frame, LinkType type);

}  // namespace netmon::capture
