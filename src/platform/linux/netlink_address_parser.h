// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/linux/netlink_view.h"

namespace netmon::linux_platform {

struct InterfaceAddress {
    std::uint32_t index = 0;  // the interface's ifindex
    std::string text;         // "192.0.2.1/24", "fe80::1/64"

    friend bool operator==(const InterfaceAddress&, const InterfaceAddress&) = default;
};

// Turns the messages of an RTM_GETADDR dump into "address/prefix" strings per interface index,
// in the kernel's order. IPv4 and IPv6 only; other families are skipped. A malformed message is
// an Error, and no byte is read past `bytes`.
Result<std::vector<InterfaceAddress>> parseAddressMessages(ByteSpan bytes);

}  // namespace netmon::linux_platform
