// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace netmon::capture {

// What the parser made of a frame. Every frame is counted whatever its status: Ok frames under
// their flow, the others in the interface's "other" bucket.
enum class ParseStatus : std::uint8_t {
    Ok,         // addresses (and ports where the protocol has them) were read
    NonIp,      // a well-formed frame that carries no IPv4/IPv6 (ARP, LLDP, 802.3 LLC…)
    Truncated,  // the captured bytes end before a header the parser needs
    Malformed,  // a header contradicts itself or the frame (bad IHL, length, chain too long…)
};

// The direction a cooked (SLL/SLL2) header tells; Unknown for link types that do not say.
enum class PacketDirection : std::uint8_t { Unknown, In, Out };

constexpr std::string_view toString(ParseStatus status) {
    switch (status) {
        case ParseStatus::Ok:
            return "ok";
        case ParseStatus::NonIp:
            return "non-ip";
        case ParseStatus::Truncated:
            return "truncated";
        case ParseStatus::Malformed:
            return "malformed";
    }
    return "?";
}

}  // namespace netmon::capture
