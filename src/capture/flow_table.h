// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "capture/packet_parser.h"
#include "core/model/flow_key.h"
#include "core/model/unflowed_traffic.h"
#include "core/sources/captured_flow.h"

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
// Bounded: when a new flow finds the table full, the flow seen longest ago is evicted if it
// was not seen in the current tick (so the caller already read its last counts); evictions
// are counted and reported by endTick. When every flow was seen in this tick, the frame is
// counted in its interface's other bucket instead, so no byte is lost.
// Cost: the flows are kept in the order of the tick they were last seen in (a list threaded
// through the hash map's nodes, moved at a flow's first packet of a tick), so eviction looks
// at one flow, never scans: O(1) per packet however many new flows a flood brings.
// Not thread-safe: the engine guards it with a mutex.
class FlowTable {
public:
    explicit FlowTable(std::size_t capacity = kDefaultFlowCapacity);
    FlowTable(const FlowTable&) = delete;  // its list points into its own map
    FlowTable& operator=(const FlowTable&) = delete;

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
    struct Counters;
    using Flows = std::unordered_map<FlowKey, Counters, FlowKeyHash>;
    using Node = Flows::value_type;  // nodes stay put, so the list can point at them
    struct Counters {
        std::uint64_t bytesIn = 0;
        std::uint64_t bytesOut = 0;
        std::uint64_t packetsIn = 0;
        std::uint64_t packetsOut = 0;
        std::uint64_t lastTick = 0;
        Node* older = nullptr;  // the list by last tick seen, m_oldest first
        Node* newer = nullptr;
    };
    Node* newFlow(const FlowKey& key);
    void unlink(Node& node);
    void append(Node& node);  // as the newest
    UnflowedTraffic& otherOf(std::size_t interfaceSlot);

    Flows m_flows;
    Node* m_oldest = nullptr;
    Node* m_newest = nullptr;
    std::vector<UnflowedTraffic> m_other;  // by interface slot
    std::size_t m_capacity;
    std::uint64_t m_tick = 1;
    std::uint64_t m_evictedInTick = 0;
    std::uint64_t m_overflowInTick = 0;  // frames counted as other for want of room
    std::uint64_t m_evictedTotal = 0;
};

}  // namespace netmon::capture
