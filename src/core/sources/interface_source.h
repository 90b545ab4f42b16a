// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/model/interface_stat.h"
#include "core/result.h"

namespace netmon {

// Reads every network interface's identity and cumulative counters. `traffic` is left empty:
// RateCalculator fills it. A failed read is an error, never a list of zeros.
class InterfaceSource {
public:
    virtual ~InterfaceSource() = default;
    virtual Result<std::vector<InterfaceStat>> read() = 0;
    // Which OS mechanism answered ("netlink", "/proc/net/dev", "GetIfTable2").
    [[nodiscard]] virtual std::string_view mechanism() const = 0;
};

}  // namespace netmon
