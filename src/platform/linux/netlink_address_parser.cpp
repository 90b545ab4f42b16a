// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_address_parser.h"

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>
#include <cstring>

#include "core/model/ip_address.h"

namespace netmon::linux_platform {
namespace {

template <std::size_t N>
Result<std::array<std::uint8_t, N>> addressBytes(ByteSpan bytes) {
    if (bytes.size() != N) {
        return fail("malformed RTM_NEWADDR: address of " + std::to_string(bytes.size()) +
                    " bytes, expected " + std::to_string(N));
    }
    std::array<std::uint8_t, N> address{};
    std::memcpy(address.data(), bytes.data(), N);
    return address;
}

Result<std::optional<InterfaceAddress>> parseAddress(ByteSpan payload, AttributeTable& attributes) {
    auto body = afterHeader(payload, sizeof(ifaddrmsg), "ifaddrmsg");
    const auto header = readStruct<ifaddrmsg>(payload);
    if (!body || !header) {
        return fail(body ? "malformed RTM_NEWADDR" : body.error().message);
    }
    if (auto parsed = parseAttributes(*body, attributes); !parsed) {
        return fail(parsed.error().message + " (in RTM_NEWADDR)");
    }
    if (header->ifa_family != AF_INET && header->ifa_family != AF_INET6) {
        return std::optional<InterfaceAddress>();
    }
    // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point
    // links and the only attribute for most IPv6 addresses.
    const auto& chosen = attributes[IFA_LOCAL] ? attributes[IFA_LOCAL] : attributes[IFA_ADDRESS];
    if (!chosen) {
        return fail("malformed RTM_NEWADDR: no IFA_LOCAL or IFA_ADDRESS for index " +
                    std::to_string(header->ifa_index));
    }
    const unsigned maxPrefix = header->ifa_family == AF_INET ? 32 : 128;
    if (header->ifa_prefixlen > maxPrefix) {
        return fail("malformed RTM_NEWADDR: prefix length " +
                    std::to_string(header->ifa_prefixlen));
    }
    IpAddress address;
    if (header->ifa_family == AF_INET) {
        auto bytes = addressBytes<4>(*chosen);
        if (!bytes) {
            return tl::unexpected(bytes.error());
        }
        address = IpAddress::v4(*bytes);
    } else {
        auto bytes = addressBytes<16>(*chosen);
        if (!bytes) {
            return tl::unexpected(bytes.error());
        }
        address = IpAddress::v6(*bytes);
    }
    return InterfaceAddress{header->ifa_index,
                            address.toString() + "/" + std::to_string(header->ifa_prefixlen)};
}

}  // namespace

Result<std::vector<InterfaceAddress>> parseAddressMessages(ByteSpan bytes) {
    auto messages = splitMessages(bytes);
    if (!messages) {
        return tl::unexpected(messages.error());
    }
    std::vector<InterfaceAddress> addresses;
    AttributeTable attributes(IFA_MAX + 1);
    for (const NetlinkMessage& message : *messages) {
        if (message.type != RTM_NEWADDR) {
            continue;
        }
        auto address = parseAddress(message.payload, attributes);
        if (!address) {
            return tl::unexpected(address.error());
        }
        if (*address) {
            addresses.push_back(std::move(**address));
        }
    }
    return addresses;
}

}  // namespace netmon::linux_platform
