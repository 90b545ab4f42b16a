// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/flow_tracker.h"
#include "core/model/host_stat.h"
#include "core/model/process_stat.h"
#include "core/model/tick_traffic.h"
#include "core/partial_sum.h"

namespace netmon {

// Sums flows into remote hosts and processes.
// - Totals are every flow's lifetime bytes since monitoring started: open flows as they stand,
//   plus the final (or last counted) bytes of flows that closed — nothing is lost at close.
// - Rates are the tick's bytes (closing flows included) over the tick's length.
// - Unknown is not zero: a flow without byte counts (UDP in basic mode, TCP on Windows without
//   admin rights) leaves a total empty or marks it a lower bound (HostStat), for as long as the
//   total includes it — a closed flow keeps whether it was counted.
// - Loopback peers are local, not remote hosts; listening sockets count for their process only.
// - Flows whose owner is hidden (NeedsAdmin) add up under one "unknown (needs admin)" process
//   with pid 0, so unattributed traffic stays visible.
class Aggregator {
public:
    void update(const std::vector<TrackedFlow>& flows, double elapsedSeconds);
    // Only this tick's traffic per host and per process (hostTraffic(), processTraffic()), the
    // same figures update() gives, with no totals kept: for a recorder, which keeps its totals
    // in history. hosts() and processes() stay empty.
    void updateTickTraffic(const std::vector<TrackedFlow>& flows);

    // Sorted by total bytes, most first, unknown totals last (a lower bound sorts by its counted
    // bytes); ties by address / pid.
    [[nodiscard]] std::vector<HostStat> hosts() const;
    [[nodiscard]] std::vector<ProcessStat> processes() const;
    // This tick's counted bytes per host and per process (non-zero only).
    [[nodiscard]] const std::vector<TickTraffic>& hostTraffic() const { return m_hostTraffic; }
    [[nodiscard]] const std::vector<TickTraffic>& processTraffic() const {
        return m_processTraffic;
    }

    static constexpr const char* kUnknownProcess = "unknown (needs admin)";
    // Idle hosts and processes remembered at most (beyond it the smallest idle ones go). Those
    // with open flows are bounded by the flows the source reports (the capture engine's flow
    // table, the socket table), so a flood of new sources cannot grow these maps past both.
    static constexpr std::size_t kMaxRemembered = 20'000;

private:
    struct Totals {
        PartialSum closedIn;  // final bytes of closed flows
        PartialSum closedOut;
        PartialSum openIn;  // lifetime bytes of flows open now
        PartialSum openOut;
        PartialSum tickIn;
        PartialSum tickOut;
        std::uint32_t connections = 0;
        std::uint32_t listening = 0;
    };
    struct HostEntry {
        Totals totals;
        std::string hostName;
        std::map<std::string, int> processes;  // name → open flows
    };
    struct ProcessEntry {
        Totals totals;
        std::string name;
        std::string executable;
    };

    std::unordered_map<IpAddress, HostEntry, IpAddressHash> m_hosts;
    std::unordered_map<std::uint32_t, ProcessEntry> m_processes;
    std::vector<TickTraffic> m_hostTraffic;
    std::vector<TickTraffic> m_processTraffic;
    double m_elapsedSeconds = 0;
};

// The first `count` entries (all when fewer).
template <typename T>
std::vector<T> topN(std::vector<T> items, std::size_t count) {
    if (items.size() > count) {
        items.resize(count);
    }
    return items;
}

}  // namespace netmon
