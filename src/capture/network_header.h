// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#include "capture/parse_status.h"
#include "core/model/ip_address.h"

namespace netmon::capture {

enum class FragmentKind : std::uint8_t {
    None,   // a whole datagram
    First,  // offset 0, more to come: carries the transport header
    Later,  // offset > 0: no transport header, ports come from the first fragment
};

// What an IPv4 or IPv6 header (with its extension headers) says about the packet.
struct NetworkHeader {
    ParseStatus status = ParseStatus::Ok;
    IpAddress source;
    IpAddress destination;
    std::uint8_t transportProtocol = 0;  // IP protocol number after the extension headers
    std::size_t transportOffset = 0;     // from the start of the network header
    std::size_t transportLength = 0;     // transport bytes on the wire (may exceed the capture)
    FragmentKind fragment = FragmentKind::None;
    std::uint32_t fragmentId = 0;
    // The protocol number a fragment's key uses: IPv4's protocol, or the Next Header of the
    // IPv6 Fragment header (the same in every fragment of a datagram).
    std::uint8_t fragmentProtocol = 0;
};

}  // namespace netmon::capture
