// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/flow_key.h"

#include "core/enum_names.h"

namespace netmon {
namespace {

std::string endpoint(const IpAddress& address, std::uint16_t port) {
    const std::string text = address.toString();
    return address.isV6() ? "[" + text + "]:" + std::to_string(port)
                          : text + ":" + std::to_string(port);
}

}  // namespace

std::string_view toString(Protocol protocol) {
    switch (protocol) {
        case Protocol::Tcp:
            return "tcp";
        case Protocol::Udp:
            return "udp";
        case Protocol::Icmp:
            return "icmp";
        case Protocol::Icmpv6:
            return "icmpv6";
        case Protocol::Other:
            break;
    }
    return "other";
}

std::optional<Protocol> parseProtocol(std::string_view text) {
    return enumFromName(
        text, {Protocol::Tcp, Protocol::Udp, Protocol::Icmp, Protocol::Icmpv6, Protocol::Other});
}

std::string FlowKey::toString() const {
    return std::string(netmon::toString(protocol)) + " " + endpoint(localAddress, localPort) +
           " -> " + endpoint(remoteAddress, remotePort);
}

std::size_t FlowKeyHash::operator()(const FlowKey& key) const noexcept {
    const IpAddressHash addressHash;
    std::size_t hash = addressHash(key.localAddress);
    hash = hash * 31 + addressHash(key.remoteAddress);
    hash = hash * 31 + (static_cast<std::size_t>(key.localPort) << 16 | key.remotePort);
    return hash * 31 + static_cast<std::size_t>(key.protocol);
}

}  // namespace netmon
