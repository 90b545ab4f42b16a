// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/aggregator.h"

#include <algorithm>

#include "core/model/byte_total.h"

namespace netmon {
namespace {

// Unknown without an interval (the first tick) or without a counted flow this tick.
std::optional<double> bitsPerSecond(const PartialSum& tickBytes, double seconds) {
    const auto bytes = tickBytes.value();
    if (!bytes || !(seconds > 0)) {
        return std::nullopt;
    }
    return static_cast<double>(*bytes) * 8.0 / seconds;
}

// What a flow moved this tick, where it is counted.
std::optional<std::uint64_t> tickBytes(const std::optional<std::uint64_t>& lifetime,
                                       std::uint64_t tick) {
    return lifetime ? std::optional(tick) : std::nullopt;
}

PartialSum lifetime(const PartialSum& closed, const PartialSum& open) {
    PartialSum sum = closed;
    sum.add(open);
    return sum;
}

// Fills the figures HostStat and ProcessStat share.
template <typename Stat, typename Totals>
void fillTraffic(Stat& stat, const Totals& totals, double seconds) {
    const PartialSum in = lifetime(totals.closedIn, totals.openIn);
    const PartialSum out = lifetime(totals.closedOut, totals.openOut);
    stat.bytesIn = in.value();
    stat.bytesOut = out.value();
    stat.bytesComplete = in.complete() && out.complete();
    stat.inBitsPerSecond = bitsPerSecond(totals.tickIn, seconds);
    stat.outBitsPerSecond = bitsPerSecond(totals.tickOut, seconds);
    stat.ratesComplete = totals.tickIn.complete() && totals.tickOut.complete();
}

template <typename Stat>
bool hasMoreBytes(const Stat& a, const Stat& b) {
    return moreBytes(bothWays(a.bytesIn, a.bytesOut), bothWays(b.bytesIn, b.bytesOut));
}

template <typename Stat>
bool sameBytes(const Stat& a, const Stat& b) {
    return !hasMoreBytes(a, b) && !hasMoreBytes(b, a);
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
            idle.emplace_back(t.closedIn.counted() + t.closedOut.counted(), key);
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

// The remote host a flow counts for: none for listeners and local (loopback) peers.
std::optional<IpAddress> remoteHostOf(const FlowStat& stat) {
    const IpAddress remote = stat.key.remoteAddress.unmapped();
    if (stat.listening || remote.isLoopback() || remote.isUnspecified()) {
        return std::nullopt;
    }
    return remote;
}

// The process a flow counts for (pid 0: owner hidden, "unknown (needs admin)"); none when
// nothing owns it.
std::optional<std::uint32_t> processOf(const FlowStat& stat) {
    if (stat.owner == OwnerVisibility::NoOwner) {
        return std::nullopt;
    }
    return stat.owner == OwnerVisibility::Known ? stat.pid.value_or(0) : 0;
}

const std::string& processName(std::uint32_t pid, const FlowStat& stat) {
    static const std::string unknown(Aggregator::kUnknownProcess);
    return pid == 0 ? unknown : stat.processName;
}

// What a flow counts this tick: its tick bytes where its counters are known. Listeners carry
// no data of their own.
std::pair<std::uint64_t, std::uint64_t> countedTickBytes(const TrackedFlow& flow) {
    const FlowStat& stat = *flow.stat;
    if (stat.listening) {
        return {0, 0};
    }
    return {tickBytes(stat.bytesIn, flow.tickBytesIn).value_or(0),
            tickBytes(stat.bytesOut, flow.tickBytesOut).value_or(0)};
}

}  // namespace

void Aggregator::updateTickTraffic(const std::vector<TrackedFlow>& flows) {
    m_hosts.clear();
    m_processes.clear();
    std::unordered_map<IpAddress, std::pair<std::uint64_t, std::uint64_t>, IpAddressHash> hosts;
    std::unordered_map<std::uint32_t, TickTraffic> processes;
    for (const TrackedFlow& flow : flows) {
        const auto [in, out] = countedTickBytes(flow);
        if (in + out == 0) {
            continue;
        }
        if (const auto host = remoteHostOf(*flow.stat)) {
            auto& bytes = hosts[*host];
            bytes.first += in;
            bytes.second += out;
        }
        if (const auto pid = processOf(*flow.stat)) {
            TickTraffic& process = processes[*pid];
            if (process.name.empty()) {
                process.name = processName(*pid, *flow.stat);
            }
            process.bytesIn += in;
            process.bytesOut += out;
        }
    }
    m_hostTraffic.clear();
    for (const auto& [address, bytes] : hosts) {
        m_hostTraffic.push_back({address.toString(), bytes.first, bytes.second});
    }
    m_processTraffic.clear();
    for (auto& [pid, traffic] : processes) {
        m_processTraffic.push_back(std::move(traffic));
    }
}

void Aggregator::update(const std::vector<TrackedFlow>& flows, double elapsedSeconds) {
    m_elapsedSeconds = elapsedSeconds;
    const auto startTick = [](Totals& totals) {
        totals.openIn = totals.openOut = totals.tickIn = totals.tickOut = PartialSum{};
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
        const FlowStat& stat = *flow.stat;
        if (stat.listening) {
            // A listening socket carries no data itself (its accepted connections do), so it
            // leaves the figures as they are, known or not.
            totals.listening += flow.closed ? 0 : 1;
            return;
        }
        if (!flow.countedAtClose) {
            PartialSum& in = flow.closed ? totals.closedIn : totals.openIn;
            PartialSum& out = flow.closed ? totals.closedOut : totals.openOut;
            in.add(stat.bytesIn);
            out.add(stat.bytesOut);
        }
        if (!flow.closed) {
            totals.connections += isActive(stat) ? 1 : 0;
        }
        totals.tickIn.add(tickBytes(stat.bytesIn, flow.tickBytesIn));
        totals.tickOut.add(tickBytes(stat.bytesOut, flow.tickBytesOut));
    };

    for (const TrackedFlow& flow : flows) {
        const FlowStat& stat = *flow.stat;
        if (const auto remote = remoteHostOf(stat)) {
            HostEntry& host = m_hosts[*remote];
            add(host.totals, flow);
            if (!stat.remoteHostName.empty()) {
                host.hostName = stat.remoteHostName;
            }
            if (!flow.closed && !stat.processName.empty()) {
                ++host.processes[stat.processName];
            }
        }
        const auto pid = processOf(stat);
        if (!pid) {
            continue;
        }
        ProcessEntry& process = m_processes[*pid];
        const std::string& name = processName(*pid, stat);
        if (process.name != name) {
            process = ProcessEntry{};  // a new process, or a reused pid: start its totals afresh
            process.name = name;
            process.executable = stat.executable;
        }
        add(process.totals, flow);
    }

    m_hostTraffic.clear();
    for (const auto& [address, host] : m_hosts) {
        const Totals& t = host.totals;
        if (t.tickIn.counted() + t.tickOut.counted() > 0) {
            m_hostTraffic.push_back({address.toString(), t.tickIn.counted(), t.tickOut.counted()});
        }
    }
    m_processTraffic.clear();
    for (const auto& [pid, process] : m_processes) {
        const Totals& t = process.totals;
        if (t.tickIn.counted() + t.tickOut.counted() > 0) {
            m_processTraffic.push_back({process.name, t.tickIn.counted(), t.tickOut.counted()});
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
        fillTraffic(stat, host.totals, m_elapsedSeconds);
        stat.connections = host.totals.connections;
        for (const auto& [name, count] : host.processes) {
            stat.processes.push_back(name);
        }
        out.push_back(std::move(stat));
    }
    std::sort(out.begin(), out.end(), [](const HostStat& a, const HostStat& b) {
        return sameBytes(a, b) ? a.address < b.address : hasMoreBytes(a, b);
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
        fillTraffic(stat, process.totals, m_elapsedSeconds);
        stat.connections = process.totals.connections;
        stat.listening = process.totals.listening;
        out.push_back(std::move(stat));
    }
    std::sort(out.begin(), out.end(), [](const ProcessStat& a, const ProcessStat& b) {
        return sameBytes(a, b) ? a.pid < b.pid : hasMoreBytes(a, b);
    });
    return out;
}

}  // namespace netmon
