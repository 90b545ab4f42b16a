// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/interface_stat.h"
#include "core/result.h"

namespace netmon::linux_platform {

struct ProcNetDevEntry {
    std::string name;
    InterfaceCounters counters;
};

// Parses the text of /proc/net/dev: two header lines, then "name: 16 numbers" per interface.
// Long names run into the first number ("verylongname0:123"), so the name ends at the first
// ':' (the kernel forbids ':' in interface names). Note the kernel's "drop" column adds
// rx_missed_errors to rx_dropped, so drops may differ from netlink; bytes and packets match.
// A line that does not have exactly 16 unsigned numbers is an Error.
Result<std::vector<ProcNetDevEntry>> parseProcNetDev(std::string_view text);

}  // namespace netmon::linux_platform
