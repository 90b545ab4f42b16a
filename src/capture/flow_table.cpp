// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/flow_table.h"

#include <algorithm>

namespace netmon::capture {

FlowKey orientedKey(const ParsedPacket& packet, TrafficDirection direction) {
    FlowKey key;
    key.protocol = packet.protocol;
    if (direction == TrafficDirection::Out) {
        key.localAddress = packet.source;
        key.localPort = packet.sourcePort;
        key.remoteAddress = packet.destination;
        key.remotePort = packet.destinationPort;
    } else {
        key.localAddress = packet.destination;
        key.localPort = packet.destinationPort;
        key.remoteAddress = packet.source;
        key.remotePort = packet.sourcePort;
    }
    return key;
}

FlowTable::FlowTable(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {
    m_flows.reserve(std::min<std::size_t>(m_capacity, 4096));
}

void FlowTable::countPacket(std::size_t interfaceSlot, const ParsedPacket& packet,
                            TrafficDirection direction) {
    if (packet.status == ParseStatus::Ok) {
        count(interfaceSlot, orientedKey(packet, direction), direction, packet.wireLength);
    } else {
        countOther(interfaceSlot, direction, packet.wireLength,
                   packet.status != ParseStatus::NonIp);
    }
}

void FlowTable::count(std::size_t interfaceSlot, const FlowKey& key, TrafficDirection direction,
                      std::uint64_t bytes) {
    auto found = m_flows.find(key);
    Node* node = found != m_flows.end() ? &*found : newFlow(key);
    if (node == nullptr) {
        ++m_overflowInTick;
        countOther(interfaceSlot, direction, bytes, false);
        return;
    }
    Counters& counters = node->second;
    if (direction == TrafficDirection::In) {
        counters.bytesIn += bytes;
        ++counters.packetsIn;
    } else {
        counters.bytesOut += bytes;
        ++counters.packetsOut;
    }
    if (counters.lastTick != m_tick) {
        // First packet of this tick: to the newest end, so the oldest end holds the flows
        // seen longest ago and eviction only ever looks there.
        counters.lastTick = m_tick;
        unlink(*node);
        append(*node);
    }
}

// A new flow's node, in place of the flow seen longest ago when the table is full; null when
// that one was seen in this tick too (then every flow was: nothing may go).
FlowTable::Node* FlowTable::newFlow(const FlowKey& key) {
    if (m_flows.size() < m_capacity) {
        Node& node = *m_flows.emplace(key, Counters{}).first;
        append(node);
        return &node;
    }
    if (m_oldest == nullptr || m_oldest->second.lastTick >= m_tick) {
        return nullptr;
    }
    // Reuse the evicted flow's node for the new one: no allocation, nothing scanned.
    Node& evicted = *m_oldest;
    unlink(evicted);
    auto handle = m_flows.extract(evicted.first);
    handle.key() = key;
    handle.mapped() = Counters{};
    Node& node = *m_flows.insert(std::move(handle)).position;
    append(node);
    ++m_evictedInTick;
    ++m_evictedTotal;
    return &node;
}

void FlowTable::unlink(Node& node) {
    Counters& counters = node.second;
    (counters.older != nullptr ? counters.older->second.newer : m_oldest) = counters.newer;
    (counters.newer != nullptr ? counters.newer->second.older : m_newest) = counters.older;
    counters.older = counters.newer = nullptr;
}

void FlowTable::append(Node& node) {
    node.second.older = m_newest;
    node.second.newer = nullptr;
    (m_newest != nullptr ? m_newest->second.newer : m_oldest) = &node;
    m_newest = &node;
}

void FlowTable::countOther(std::size_t interfaceSlot, TrafficDirection direction,
                           std::uint64_t bytes, bool malformed) {
    UnflowedTraffic& other = otherOf(interfaceSlot);
    if (direction == TrafficDirection::In) {
        other.bytesIn += bytes;
        ++other.packetsIn;
    } else {
        other.bytesOut += bytes;
        ++other.packetsOut;
    }
    if (malformed) {
        ++other.malformedPackets;
    }
}

UnflowedTraffic FlowTable::other(std::size_t interfaceSlot) const {
    return interfaceSlot < m_other.size() ? m_other[interfaceSlot] : UnflowedTraffic{};
}

UnflowedTraffic& FlowTable::otherOf(std::size_t interfaceSlot) {
    if (interfaceSlot >= m_other.size()) {
        m_other.resize(interfaceSlot + 1);
    }
    return m_other[interfaceSlot];
}

std::vector<CapturedFlow> FlowTable::flows() const {
    std::vector<CapturedFlow> out;
    out.reserve(m_flows.size());
    for (const auto& [key, counters] : m_flows) {
        CapturedFlow flow;
        flow.key = key;
        flow.bytesIn = counters.bytesIn;
        flow.bytesOut = counters.bytesOut;
        flow.packetsIn = counters.packetsIn;
        flow.packetsOut = counters.packetsOut;
        out.push_back(std::move(flow));
    }
    return out;
}

std::vector<std::string> FlowTable::endTick() {
    std::vector<std::string> warnings;
    if (m_evictedInTick > 0) {
        warnings.push_back("flow table full (" + std::to_string(m_capacity) +
                           " flows): " + std::to_string(m_evictedInTick) + " idle flows evicted");
    }
    if (m_overflowInTick > 0) {
        warnings.push_back("flow table full of active flows: " + std::to_string(m_overflowInTick) +
                           " packets counted without a flow (in the interface's other traffic)");
    }
    m_evictedInTick = 0;
    m_overflowInTick = 0;
    ++m_tick;
    return warnings;
}

}  // namespace netmon::capture
