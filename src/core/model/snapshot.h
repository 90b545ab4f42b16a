// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/capture_interface_stats.h"
#include "core/model/flow_stat.h"
#include "core/model/host_stat.h"
#include "core/model/interface_stat.h"
#include "core/model/process_stat.h"
#include "core/model/tick_traffic.h"

namespace netmon {

enum class MonitoringMode : std::uint8_t { Basic, Deep };

// "basic" or "deep".
std::string_view toString(MonitoringMode mode);
std::optional<MonitoringMode> parseMonitoringMode(std::string_view text);

// What the running mode can see, so views can say what is missing and why.
struct Visibility {
    bool flows = false;         // connections are listed at all
    bool tcpBytes = false;      // per-connection TCP byte counts
    bool udpBytes = false;      // per-flow UDP byte counts (deep mode only)
    bool allProcesses = false;  // owners of every user's sockets (admin rights)
    bool closedFlows = false;   // the final bytes of flows that close between ticks
    std::string note;  // one sentence for the UI: what is missing and how deep mode shows it
};

// Everything one tick observed. A plain value: copied across threads, never shared.
struct Snapshot {
    std::uint64_t sequence = 0;  // 1 for the first tick of a Monitor, then +1 per tick
    std::chrono::system_clock::time_point wallTime;    // for display and storage
    std::chrono::steady_clock::time_point steadyTime;  // for rates: never jumps
    MonitoringMode mode = MonitoringMode::Basic;
    Visibility visibility;
    std::vector<InterfaceStat> interfaces;
    std::vector<FlowStat> flows;         // open flows and listening sockets (FlowStat::listening)
    std::vector<HostStat> hosts;         // by bytes, most first
    std::vector<ProcessStat> processes;  // by bytes, most first
    // What each host and process moved during this tick (non-zero only), for history.
    std::vector<TickTraffic> hostTraffic;
    std::vector<TickTraffic> processTraffic;
    // Deep mode: per interface, traffic no flow holds (non-IP, malformed) and kernel drops.
    std::vector<CaptureInterfaceStats> capture;
    std::vector<std::string> warnings;  // what went wrong this tick, user-readable
};

}  // namespace netmon
