// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flow_tracker.h"

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

TrackedFlow FlowTracker::follow(const SocketRecord& record, const SocketOwner* owner,
                                double elapsedSeconds, bool closed) {
    const std::uint64_t id = flowId(record);
    const auto previous = m_flows.find(id);
    const bool seenBefore = previous != m_flows.end();
    const bool baseline = !m_lastTick.has_value();

    TrackedFlow flow;
    FlowStat& stat = flow.stat;
    if (seenBefore) {
        stat = previous->second.stat;  // keeps the owner, names and counters seen before
        flow.countedAtClose = previous->second.countedAtClose;
    }
    stat.key = record.key;
    stat.id = id;
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
        flow.tickBytesIn = growth(before, record.bytesReceived);
        flow.tickBytesOut = growth(beforeOut, record.bytesSent);
    }
    stat.bytesIn = highest(before, record.bytesReceived);
    stat.bytesOut = highest(beforeOut, record.bytesSent);
    stat.packetsIn = highest(seenBefore ? stat.packetsIn : std::nullopt, record.segmentsIn);
    stat.packetsOut = highest(seenBefore ? stat.packetsOut : std::nullopt, record.segmentsOut);
    if (stat.bytesIn && elapsedSeconds > 0) {
        stat.inBitsPerSecond = static_cast<double>(flow.tickBytesIn) * 8.0 / elapsedSeconds;
        stat.outBitsPerSecond = static_cast<double>(flow.tickBytesOut) * 8.0 / elapsedSeconds;
    } else {
        stat.inBitsPerSecond.reset();
        stat.outBitsPerSecond.reset();
    }
    flow.closed = closed;
    return flow;
}

std::vector<TrackedFlow> FlowTracker::update(
    const SocketReading& reading, const std::unordered_map<std::uint64_t, SocketOwner>& owners,
    std::chrono::steady_clock::time_point now) {
    const double elapsed =
        m_lastTick ? std::chrono::duration<double>(now - *m_lastTick).count() : 0.0;
    const auto ownerOf = [&owners](const SocketRecord& record) -> const SocketOwner* {
        const auto found = owners.find(record.inode);
        return record.inode != 0 && found != owners.end() ? &found->second : nullptr;
    };

    std::vector<TrackedFlow> out;
    out.reserve(reading.open.size() + reading.closed.size());
    std::unordered_map<std::uint64_t, Known> next;
    next.reserve(reading.open.size());
    std::unordered_map<std::uint64_t, std::size_t> destroyed;  // id → its entry in `out`
    for (const SocketRecord& record : reading.closed) {
        destroyed.emplace(flowId(record), out.size());
        out.push_back(follow(record, ownerOf(record), elapsed, true));
    }
    for (const SocketRecord& record : reading.open) {
        const std::uint64_t id = flowId(record);
        if (const auto closed = destroyed.find(id); closed != destroyed.end()) {
            // The destroy notice has the final counters. A socket still listed under its id is
            // its TIME_WAIT successor (or a stale duplicate): from the next tick on it shows
            // those counters, already counted.
            next.try_emplace(id, Known{out[closed->second].stat, true});
            continue;
        }
        if (next.contains(id)) {
            continue;  // duplicates are dropped
        }
        TrackedFlow flow = follow(record, ownerOf(record), elapsed, false);
        next.emplace(id, Known{flow.stat, flow.countedAtClose});
        out.push_back(std::move(flow));
    }
    // Vanished without a destroy notice: closed, with the bytes last counted.
    for (auto& [id, known] : m_flows) {
        if (!next.contains(id) && !destroyed.contains(id) && !known.countedAtClose) {
            TrackedFlow flow;
            flow.stat = std::move(known.stat);
            flow.stat.inBitsPerSecond.reset();
            flow.stat.outBitsPerSecond.reset();
            flow.closed = true;
            out.push_back(std::move(flow));
        }
    }
    m_flows = std::move(next);
    m_lastTick = now;
    return out;
}

}  // namespace netmon
