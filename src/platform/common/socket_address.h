// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstring>
#include <optional>

#include "core/model/ip_address.h"
#include "os_sockets.h"  // this OS's sockaddr types: platform/<os>/os_sockets.h

namespace netmon {

// An address as the OS's socket calls take it (getnameinfo, GetNameInfoW): the sockaddr_in or
// sockaddr_in6 inside a sockaddr_storage, and its length.
struct SocketAddress {
    sockaddr_storage storage{};
    int length = 0;

    [[nodiscard]] const sockaddr* get() const {
        return reinterpret_cast<const sockaddr*>(&storage);
    }
};

// Nothing for an address of neither family. Port 0: only the address is meant.
inline std::optional<SocketAddress> toSocketAddress(const IpAddress& address) {
    SocketAddress result;
    if (address.isV4()) {
        sockaddr_in v4{};
        v4.sin_family = AF_INET;
        std::memcpy(&v4.sin_addr, address.bytes().data(), 4);
        std::memcpy(&result.storage, &v4, sizeof v4);
        result.length = static_cast<int>(sizeof v4);
        return result;
    }
    if (address.isV6()) {
        sockaddr_in6 v6{};
        v6.sin6_family = AF_INET6;
        std::memcpy(&v6.sin6_addr, address.bytes().data(), 16);
        std::memcpy(&result.storage, &v6, sizeof v6);
        result.length = static_cast<int>(sizeof v6);
        return result;
    }
    return std::nullopt;
}

}  // namespace netmon
