// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/ip_address.h"

namespace netmon {

enum class Protocol : std::uint8_t { Other = 0, Icmp = 1, Tcp = 6, Udp = 17, Icmpv6 = 58 };

// "tcp", "udp", "icmp", "icmpv6", "other": as the CLI's JSON and tables and the GUI show it.
std::string_view toString(Protocol protocol);
std::optional<Protocol> parseProtocol(std::string_view text);

// The 5-tuple, seen from this machine: local end and remote end.
struct FlowKey {
    Protocol protocol = Protocol::Other;
    IpAddress localAddress;
    std::uint16_t localPort = 0;
    IpAddress remoteAddress;
    std::uint16_t remotePort = 0;

    friend auto operator<=>(const FlowKey&, const FlowKey&) = default;
    // "tcp 192.0.2.1:443 -> [2001:db8::1]:51000"
    [[nodiscard]] std::string toString() const;
};

struct FlowKeyHash {
    std::size_t operator()(const FlowKey& key) const noexcept;
};

}  // namespace netmon
