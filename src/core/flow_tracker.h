// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/model/flow_stat.h"
#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"

namespace netmon {

// A flow as one tick saw it, with the bytes it moved during the tick. `stat` points into the
// FlowTracker (never null), so a tick of 65,536 flows copies none of them; it stays valid
// until the tracker's next update.
struct TrackedFlow {
    FlowStat* stat = nullptr;
    std::uint64_t tickBytesIn = 0;  // payload bytes this tick (0 while it is a baseline)
    std::uint64_t tickBytesOut = 0;
    bool closed = false;  // gone since the last tick; `stat` holds its last (or final) counters
    // Its bytes are already in the totals: the socket that stays after a connection the OS
    // reported closed (TCP TIME_WAIT keeps the socket's id). It shows the final counters and adds
    // nothing more, so that neither a double count nor an "unknown" comes from it.
    bool countedAtClose = false;
};

// Follows sockets from tick to tick and turns their lifetime counters into per-tick bytes and
// rates.
// - Identity is the kernel's socket cookie (else 5-tuple + inode), so a reused 5-tuple is a
//   new flow. The first reading is a baseline: flows already open then move no bytes in it;
//   a flow that appears later counts all its bytes as new.
// - Counters never go backwards: a lower reading keeps the higher one (no negative traffic).
// - A flow that loses its counters (TCP TIME_WAIT has none) keeps its last ones.
// - A flow the OS reports as destroyed (SocketReading::closed) counts its final bytes once; one
//   that simply vanished keeps its last counted bytes. The socket that stays after a destroy
//   notice (TIME_WAIT, same id) is countedAtClose from then on, and is not reported closed again.
// - The owner last seen stays with the flow when later lookups find none (closing sockets).
class FlowTracker {
public:
    // The flows of this tick (open, closed, vanished), valid until the next update. The list's
    // room is kept from tick to tick: a full flow table costs no fresh allocation per tick.
    const std::vector<TrackedFlow>& update(
        const SocketReading& reading, const std::unordered_map<std::uint64_t, SocketOwner>& owners,
        std::chrono::steady_clock::time_point now);
    [[nodiscard]] std::size_t trackedFlows() const { return m_flows.size() - m_vanished.size(); }
    // The open flows as the last update left them, without rates (for a tick whose read
    // failed: what was there is still shown).
    [[nodiscard]] std::vector<FlowStat> openFlows() const;

private:
    struct Known {
        FlowStat stat;
        bool countedAtClose = false;
        // The last update() that saw it open; an older one means the last update reported it
        // vanished, and the next one forgets it.
        std::uint64_t update = 0;
    };
    struct TickBytes {
        std::uint64_t in = 0;
        std::uint64_t out = 0;
    };
    // Brings `stat` (as last seen, or empty when new) up to `record`; returns the tick's bytes.
    TickBytes follow(FlowStat& stat, bool seenBefore, const SocketRecord& record,
                     const SocketOwner* owner, double elapsedSeconds, bool closed) const;

    // Bounded by what the source reports: the socket table, or the capture engine's flow
    // table (its capacity). Updated in place, so a tick never holds two copies of it.
    std::unordered_map<std::uint64_t, Known> m_flows;
    // This tick's flows the OS reported closed; a deque, so what points at them stays valid
    // while it grows.
    std::deque<FlowStat> m_closed;
    std::vector<std::uint64_t> m_vanished;  // ids of the last update's vanished flows
    std::vector<TrackedFlow> m_tick;
    std::uint64_t m_update = 0;
    std::optional<std::chrono::steady_clock::time_point> m_lastTick;
};

// The identity FlowTracker gives a socket (and FlowStat::id).
std::uint64_t flowId(const SocketRecord& record);

}  // namespace netmon
