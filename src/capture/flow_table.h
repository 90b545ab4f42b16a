// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "capture/packet_parser.h"
#include "core/model/flow_key.h"
#include "core/sources/capture_source.h"

namespace netmon::capture {

// Which way a frame crossed the interface: In = received, Out = sent.
enum class TrafficDirection : std::uint8_t { In, Out };

// The flow key seen from this machine: a received frame's source is the remote end, a sent
// frame's source the local end.
FlowKey orientedKey(const ParsedPacket& packet, TrafficDirection direction);

inline constexpr std::size_t kDefaultFlowCapacity = 65536;

// Cumulative counters per oriented 5-tuple, plus each interface's "other" bucket (non-IP and
// unreadable frames), so that for an interface sum(flows) + other == its kernel counters.
//
// Bounded: when a new flow finds the table full, the oldest idle flows — none seen in the
// current tick, so the caller already read their last counts — are evicted (a batch of them,
// counted and reported by endTick). When every flow was seen in this tick, the frame is
// counted in its interface's other bucket instead, so no byte is lost.
// Not thread-safe: the engine guards it with a mutex.
class FlowTable {
public:
    explicit FlowTable(std::size_t capacity = kDefaultFlowCapacity);

    // A parsed frame: under its flow when Ok, in `interfaceSlot`'s other bucket otherwise.
    void countPacket(std::size_t interfaceSlot, const ParsedPacket& packet,
                     TrafficDirection direction);
    void count(std::size_t interfaceSlot, const FlowKey& key, TrafficDirection direction,
               std::uint64_t bytes);
    void countOther(std::size_t interfaceSlot, TrafficDirection direction, std::uint64_t bytes,
                    bool malformed);

    [[nodiscard]] UnflowedTraffic other(std::size_t interfaceSlot) const;
    [[nodiscard]] std::vector<CapturedFlow> flows() const;
    // Ends the current tick (after the caller took flows()): from now on, the flows seen so far
    // may be evicted. Returns warnings about evictions and overflow during the tick that ended.
    std::vector<std::string> endTick();

    [[nodiscard]] std::size_t size() const { return m_flows.size(); }
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }
    [[nodiscard]] std::uint64_t evictedTotal() const { return m_evictedTotal; }

private:
    struct Counters {
        std::uint64_t bytesIn = 0;
        std::uint64_t bytesOut = 0;
        std::uint64_t packetsIn = 0;
        std::uint64_t packetsOut = 0;
        std::uint64_t lastTick = 0;
    };
    bool evictIdle();
    UnflowedTraffic& otherOf(std::size_t interfaceSlot);

    std::unordered_map<FlowKey, Counters, FlowKeyHash> m_flows;
    std::vector<UnflowedTraffic> m_other;  // by interface slot
    std::size_t m_capacity;
    std::uint64_t m_tick = 1;
    std::uint64_t m_evictedInTick = 0;
    std::uint64_t m_overflowInTick = 0;  // frames counted as other for want of room
    std::uint64_t m_evictedTotal = 0;
};

}  // namespace netmon::capture
