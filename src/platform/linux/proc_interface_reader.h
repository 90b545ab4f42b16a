// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "core/model/interface_stat.h"
#include "core/result.h"

namespace netmon::linux_platform {

// The fallback when netlink is unavailable: counters from /proc/net/dev (the same kernel
// counters netlink reports), identity from /sys/class/net (index, MAC, operstate, type).
// Addresses are left empty: their only other source, getifaddrs(), uses netlink itself.
Result<std::vector<InterfaceStat>> readInterfacesFromProc(
    const std::string& procNetDevPath = "/proc/net/dev");

// "up", "down", "lowerlayerdown", … as in /sys/class/net/*/operstate.
OperState operStateFromText(std::string_view text);

}  // namespace netmon::linux_platform
