// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flow_tracker.h"

#include <algorithm>

#include "core/service_names.h"

namespace netmon {
namespace {

// How much a lifetime counter grew; a lower reading is treated as no growth.
std::uint64_t growth(const std::optional<std::uint64_t>& before,
                     const std::optional<std::uint64_t>& now) {
    if (!now) {
        return 0;
    }
    if (!before) {
        return *now;
    }
    return *now > *before ? *now - *before : 0;
}

// The larger of two optional counters (a lifetime counter never shrinks).
std::optional<std::uint64_t> highest(const std::optional<std::uint64_t>& before,
                                     const std::optional<std::uint64_t>& now) {
    if (!now) {
        return before;
    }
    if (!before) {
        return now;
    }
    return std::max(*before, *now);
}

std::string serviceFor(const SocketRecord& record) {
    const std::uint16_t port = record.listening ? record.key.localPort : record.key.remotePort;
    std::string_view name = serviceName(record.key.protocol, port);
    if (name.empty() && !record.listening) {
        name = serviceName(record.key.protocol, record.key.localPort);  // we are the server
    }
    return std::string(name);
}

}  // namespace

std::uint64_t flowId(const SocketRecord& record) {
    if (record.cookie != 0) {
        return record.cookie;
    }
    return FlowKeyHash{}(record.key) ^ (record.inode * 0x9E3779B97F4A7C15ULL);
}

FlowTracker::TickBytes FlowTracker::follow(FlowStat& stat, bool seenBefore,
                                           const SocketRecord& record, const SocketOwner* owner,
                                           double elapsedSeconds, bool closed) const {
    const bool baseline = !m_lastTick.has_value();
    TickBytes flow;
    stat.key = record.key;
    stat.id = flowId(record);
    stat.state = record.state;
    stat.listening = record.listening;
    if (!closed || !seenBefore) {
        stat.uid = record.uid;  // destroy notices carry uid 0: keep the one seen while open
    }
    if (stat.service.empty()) {
        stat.service = serviceFor(record);
    }
    SocketOwner fromSource;
    if ((owner == nullptr || owner->visibility != OwnerVisibility::Known) && record.pid) {
        fromSource.visibility = OwnerVisibility::Known;  // the capture's socket hooks saw it
        fromSource.process.pid = *record.pid;
        fromSource.process.name = record.command;
        owner = &fromSource;
    }
    if (owner != nullptr && (owner->visibility != OwnerVisibility::NoOwner || !seenBefore)) {
        stat.owner = owner->visibility;
        stat.pid = owner->visibility == OwnerVisibility::Known
                       ? std::optional<std::uint32_t>(owner->process.pid)
                       : std::nullopt;
        stat.processName = owner->process.name;
        stat.executable = owner->process.executable;
    }

    const std::optional<std::uint64_t> before = seenBefore ? stat.bytesIn : std::nullopt;
    const std::optional<std::uint64_t> beforeOut = seenBefore ? stat.bytesOut : std::nullopt;
    if (!baseline) {
        flow.in = growth(before, record.bytesReceived);
        flow.out = growth(beforeOut, record.bytesSent);
    }
    stat.bytesIn = highest(before, record.bytesReceived);
    stat.bytesOut = highest(beforeOut, record.bytesSent);
    stat.packetsIn = highest(seenBefore ? stat.packetsIn : std::nullopt, record.segmentsIn);
    stat.packetsOut = highest(seenBefore ? stat.packetsOut : std::nullopt, record.segmentsOut);
    if (stat.bytesIn && elapsedSeconds > 0) {
        stat.inBitsPerSecond = static_cast<double>(flow.in) * 8.0 / elapsedSeconds;
        stat.outBitsPerSecond = static_cast<double>(flow.out) * 8.0 / elapsedSeconds;
    } else {
        stat.inBitsPerSecond.reset();
        stat.outBitsPerSecond.reset();
    }
    return flow;
}

const std::vector<TrackedFlow>& FlowTracker::update(
    const SocketReading& reading, const std::unordered_map<std::uint64_t, SocketOwner>& owners,
    std::chrono::steady_clock::time_point now) {
    const double elapsed =
        m_lastTick ? std::chrono::duration<double>(now - *m_lastTick).count() : 0.0;
    const auto ownerOf = [&owners](const SocketRecord& record) -> const SocketOwner* {
        const auto found = owners.find(record.inode);
        return record.inode != 0 && found != owners.end() ? &found->second : nullptr;
    };
    ++m_update;

    m_closed.clear();
    for (const std::uint64_t id : m_vanished) {
        m_flows.erase(id);  // reported closed by the last update
    }
    m_vanished.clear();
    m_tick.clear();
    m_tick.reserve(reading.open.size() + reading.closed.size());
    std::unordered_map<std::uint64_t, std::size_t> destroyed;  // id → its entry in m_tick
    for (const SocketRecord& record : reading.closed) {
        const std::uint64_t id = flowId(record);
        const auto previous = m_flows.find(id);
        FlowStat& stat = m_closed.emplace_back();
        TrackedFlow flow;
        flow.stat = &stat;
        if (previous != m_flows.end()) {
            stat = previous->second.stat;  // the owner, names and counters seen before
            flow.countedAtClose = previous->second.countedAtClose;
        }
        const TickBytes bytes =
            follow(stat, previous != m_flows.end(), record, ownerOf(record), elapsed, true);
        flow.tickBytesIn = bytes.in;
        flow.tickBytesOut = bytes.out;
        flow.closed = true;
        destroyed.emplace(id, m_tick.size());
        m_tick.push_back(flow);
    }
    for (const SocketRecord& record : reading.open) {
        const std::uint64_t id = flowId(record);
        if (const auto closed = destroyed.find(id); closed != destroyed.end()) {
            // The destroy notice has the final counters. A socket still listed under its id is
            // its TIME_WAIT successor (or a stale duplicate): from the next tick on it shows
            // those counters, already counted.
            Known& known = m_flows[id];
            if (known.update != m_update) {
                known.stat = *m_tick[closed->second].stat;
                known.countedAtClose = true;
                known.update = m_update;
            }
            continue;
        }
        // Updated where it is kept; the tick points at it there.
        const auto [known, created] = m_flows.try_emplace(id);
        if (!created && known->second.update == m_update) {
            continue;  // a duplicate in this reading
        }
        const TickBytes bytes =
            follow(known->second.stat, !created, record, ownerOf(record), elapsed, false);
        known->second.update = m_update;
        m_tick.push_back(TrackedFlow{&known->second.stat, bytes.in, bytes.out, false,
                                     known->second.countedAtClose});
    }
    // Vanished without a destroy notice: closed, with the bytes last counted. Reported from
    // where it is kept and forgotten at the next update (no copy of a flood's worth of them).
    for (auto it = m_flows.begin(); it != m_flows.end();) {
        Known& known = it->second;
        if (known.update == m_update) {
            ++it;
            continue;
        }
        if (destroyed.contains(it->first) || known.countedAtClose) {
            it = m_flows.erase(it);
            continue;
        }
        known.stat.inBitsPerSecond.reset();
        known.stat.outBitsPerSecond.reset();
        TrackedFlow flow;
        flow.stat = &known.stat;
        flow.closed = true;
        m_tick.push_back(flow);
        m_vanished.push_back(it->first);
        ++it;
    }
    m_lastTick = now;
    return m_tick;
}

std::vector<FlowStat> FlowTracker::openFlows() const {
    std::vector<FlowStat> flows;
    flows.reserve(m_flows.size());
    for (const auto& [id, known] : m_flows) {
        if (known.update != m_update) {
            continue;  // vanished
        }
        flows.push_back(known.stat);
        flows.back().inBitsPerSecond.reset();
        flows.back().outBitsPerSecond.reset();
    }
    return flows;
}

}  // namespace netmon
