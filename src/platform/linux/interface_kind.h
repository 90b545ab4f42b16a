// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

#include "core/model/interface_stat.h"

namespace netmon::linux_platform {

struct KindInfo {
    InterfaceKind kind = InterfaceKind::Other;
    bool isVirtual = false;

    friend bool operator==(const KindInfo&, const KindInfo&) = default;
};

// Used when the hardware type could not be read (the /proc fallback without sysfs).
inline constexpr std::uint16_t kUnknownHardwareType = 0xFFFF;  // ARPHRD_VOID

// Decides what sort of link this is from what the kernel says about it: `linkKind` is the
// driver's IFLA_INFO_KIND ("veth", "bridge", "tun", …; empty for physical NICs) and
// `hardwareType` the ARPHRD_* type. Container and VM bridges are recognised by their usual
// names. Wi-Fi needs a sysfs look-up, so it is left to the caller: Wi-Fi comes out as Ethernet.
// Unknown software kinds count as real (not hidden): hiding a real uplink is the worse mistake.
KindInfo classifyInterface(std::string_view name, std::string_view linkKind,
                           std::uint16_t hardwareType);

}  // namespace netmon::linux_platform
