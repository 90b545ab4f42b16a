// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netmon {

enum class AddressFamily : std::uint8_t { None, IPv4, IPv6 };

// An IPv4 or IPv6 address as plain bytes in network order; no OS socket types, so core stays
// portable.
class IpAddress {
public:
    IpAddress() = default;
    static IpAddress v4(std::array<std::uint8_t, 4> bytes);
    // From a uint32 in network byte order as the kernel stores it (e.g. in_addr.s_addr).
    static IpAddress v4FromNetworkOrder(std::uint32_t networkOrder);
    static IpAddress v6(std::array<std::uint8_t, 16> bytes);
    // Accepts dotted IPv4 and RFC 4291 IPv6 text (with "::" and embedded IPv4).
    static std::optional<IpAddress> parse(std::string_view text);

    [[nodiscard]] AddressFamily family() const { return m_family; }
    [[nodiscard]] bool isV4() const { return m_family == AddressFamily::IPv4; }
    [[nodiscard]] bool isV6() const { return m_family == AddressFamily::IPv6; }
    [[nodiscard]] bool isUnspecified() const;
    [[nodiscard]] bool isLoopback() const;
    // ::ffff:a.b.c.d — the kernel reports IPv4 peers of dual-stack sockets this way.
    [[nodiscard]] bool isV4Mapped() const;
    // The IPv4 address inside a v4-mapped IPv6 address; itself otherwise.
    [[nodiscard]] IpAddress unmapped() const;
    // Keeps the network part only (/24 for IPv4, /48 for IPv6) for the "mask addresses" setting.
    [[nodiscard]] IpAddress masked() const;

    // Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as "::").
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] const std::array<std::uint8_t, 16>& bytes() const { return m_bytes; }

    friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

private:
    AddressFamily m_family = AddressFamily::None;
    std::array<std::uint8_t, 16> m_bytes{};  // IPv4 uses the first four.
};

struct IpAddressHash {
    std::size_t operator()(const IpAddress& address) const noexcept;
};

}  // namespace netmon
