// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/flow_stat.h"
#include "core/model/host_stat.h"
#include "core/model/interface_stat.h"

namespace netmon {

enum class MonitoringMode : std::uint8_t { Basic, Deep };

std::string_view toString(MonitoringMode mode);

// Everything one tick observed. A plain value: copied across threads, never shared.
struct Snapshot {
    std::uint64_t sequence = 0;  // 1 for the first tick of a Monitor, then +1 per tick
    std::chrono::system_clock::time_point wallTime;    // for display and storage
    std::chrono::steady_clock::time_point steadyTime;  // for rates: never jumps
    MonitoringMode mode = MonitoringMode::Basic;
    std::vector<InterfaceStat> interfaces;
    std::vector<FlowStat> flows;
    std::vector<HostStat> hosts;
    std::vector<std::string> warnings;  // what went wrong this tick, user-readable
};

}  // namespace netmon
