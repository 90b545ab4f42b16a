// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/model/interface_stat.h"

namespace netmon::cli {

// Tables hide loopback and virtual interfaces unless asked (`--all`) or named (`--iface`).
inline bool isShown(const InterfaceStat& interface, bool all,
                    const std::vector<std::string>& named) {
    if (!named.empty()) {
        return std::find(named.begin(), named.end(), interface.name) != named.end();
    }
    return all || !interface.isVirtual;
}

}  // namespace netmon::cli
