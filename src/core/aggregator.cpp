// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/aggregator.h"

#include <algorithm>

namespace netmon {
namespace {

std::uint64_t orZero(const std::optional<std::uint64_t>& value) {
    return value.value_or(0);
}

double bitsPerSecond(std::uint64_t bytes, double seconds) {
    return seconds > 0 ? static_cast<double>(bytes) * 8.0 / seconds : 0.0;
}

// Beyond the bound, forgets the idle entries (nothing open now) that moved the fewest bytes.
template <typename Map>
void pruneIdle(Map& entries) {
    if (entries.size() <= Aggregator::kMaxRemembered) {
        return;
    }
    std::vector<std::pair<std::uint64_t, typename Map::key_type>> idle;
    for (const auto& [key, entry] : entries) {
        const auto& t = entry.totals;
        if (t.connections == 0 && t.listening == 0) {
            idle.emplace_back(t.closedIn + t.closedOut, key);
        }
    }
    const std::size_t excess = entries.size() - Aggregator::kMaxRemembered;
    const auto cut = idle.begin() + static_cast<std::ptrdiff_t>(std::min(excess, idle.size()));
    std::nth_element(idle.begin(), cut, idle.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = idle.begin(); it != cut; ++it) {
        entries.erase(it->second);
    }
}

}  // namespace

void Aggregator::update(const std::vector<TrackedFlow>& flows, double elapsedSeconds) {
    m_elapsedSeconds = elapsedSeconds;
    const auto startTick = [](Totals& totals) {
        totals.openIn = totals.openOut = totals.tickIn = totals.tickOut = 0;
        totals.connections = totals.listening = 0;
    };
    for (auto& [address, host] : m_hosts) {
        startTick(host.totals);
        host.processes.clear();
    }
    for (auto& [pid, process] : m_processes) {
        startTick(process.totals);
    }

    const auto add = [](Totals& totals, const TrackedFlow& flow) {
        const FlowStat& stat = flow.stat;
        if (flow.closed) {
            totals.closedIn += orZero(stat.bytesIn);
            totals.closedOut += orZero(stat.bytesOut);
        } else if (stat.listening) {
            ++totals.listening;
        } else {
            totals.openIn += orZero(stat.bytesIn);
            totals.openOut += orZero(stat.bytesOut);
            totals.connections += isActive(stat) ? 1 : 0;
        }
        totals.tickIn += flow.tickBytesIn;
        totals.tickOut += flow.tickBytesOut;
    };

    for (const TrackedFlow& flow : flows) {
        const FlowStat& stat = flow.stat;
        const IpAddress remote = stat.key.remoteAddress.unmapped();
        if (!stat.listening && !remote.isLoopback() && !remote.isUnspecified()) {
            HostEntry& host = m_hosts[remote];
            add(host.totals, flow);
            if (!stat.remoteHostName.empty()) {
                host.hostName = stat.remoteHostName;
            }
            if (!flow.closed && !stat.processName.empty()) {
                ++host.processes[stat.processName];
            }
        }
        if (stat.owner == OwnerVisibility::NoOwner) {
            continue;
        }
        const std::uint32_t pid = stat.owner == OwnerVisibility::Known ? stat.pid.value_or(0) : 0;
        ProcessEntry& process = m_processes[pid];
        const std::string& name = pid == 0 ? std::string(kUnknownProcess) : stat.processName;
        if (process.name != name) {
            process = ProcessEntry{};  // a new process, or a reused pid: start its totals afresh
            process.name = name;
            process.executable = stat.executable;
        }
        add(process.totals, flow);
    }

    m_hostTraffic.clear();
    for (const auto& [address, host] : m_hosts) {
        if (host.totals.tickIn + host.totals.tickOut > 0) {
            m_hostTraffic.push_back({address.toString(), host.totals.tickIn, host.totals.tickOut});
        }
    }
    m_processTraffic.clear();
    for (const auto& [pid, process] : m_processes) {
        if (process.totals.tickIn + process.totals.tickOut > 0) {
            m_processTraffic.push_back(
                {process.name, process.totals.tickIn, process.totals.tickOut});
        }
    }
    // Hosts and processes with nothing open keep their totals, up to a bound: a long-running
    // agent meets many short-lived peers and processes.
    pruneIdle(m_hosts);
    pruneIdle(m_processes);
}

std::vector<HostStat> Aggregator::hosts() const {
    std::vector<HostStat> out;
    out.reserve(m_hosts.size());
    for (const auto& [address, host] : m_hosts) {
        HostStat stat;
        stat.address = address;
        stat.hostName = host.hostName;
        stat.bytesIn = host.totals.closedIn + host.totals.openIn;
        stat.bytesOut = host.totals.closedOut + host.totals.openOut;
        stat.inBitsPerSecond = bitsPerSecond(host.totals.tickIn, m_elapsedSeconds);
        stat.outBitsPerSecond = bitsPerSecond(host.totals.tickOut, m_elapsedSeconds);
        stat.connections = host.totals.connections;
        for (const auto& [name, count] : host.processes) {
            stat.processes.push_back(name);
        }
        out.push_back(std::move(stat));
    }
    std::sort(out.begin(), out.end(), [](const HostStat& a, const HostStat& b) {
        const std::uint64_t left = a.bytesIn + a.bytesOut;
        const std::uint64_t right = b.bytesIn + b.bytesOut;
        return left != right ? left > right : a.address < b.address;
    });
    return out;
}

std::vector<ProcessStat> Aggregator::processes() const {
    std::vector<ProcessStat> out;
    out.reserve(m_processes.size());
    for (const auto& [pid, process] : m_processes) {
        ProcessStat stat;
        stat.pid = pid;
        stat.name = process.name;
        stat.executable = process.executable;
        stat.bytesIn = process.totals.closedIn + process.totals.openIn;
        stat.bytesOut = process.totals.closedOut + process.totals.openOut;
        stat.inBitsPerSecond = bitsPerSecond(process.totals.tickIn, m_elapsedSeconds);
        stat.outBitsPerSecond = bitsPerSecond(process.totals.tickOut, m_elapsedSeconds);
        stat.connections = process.totals.connections;
        stat.listening = process.totals.listening;
        out.push_back(std::move(stat));
    }
    std::sort(out.begin(), out.end(), [](const ProcessStat& a, const ProcessStat& b) {
        const std::uint64_t left = a.bytesIn + a.bytesOut;
        const std::uint64_t right = b.bytesIn + b.bytesOut;
        return left != right ? left > right : a.pid < b.pid;
    });
    return out;
}

}  // namespace netmon
