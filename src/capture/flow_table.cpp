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
    if (found == m_flows.end()) {
        if (m_flows.size() >= m_capacity && !evictIdle()) {
            ++m_overflowInTick;
            countOther(interfaceSlot, direction, bytes, false);
            return;
        }
        found = m_flows.emplace(key, Counters{}).first;
    }
    Counters& counters = found->second;
    if (direction == TrafficDirection::In) {
        counters.bytesIn += bytes;
        ++counters.packetsIn;
    } else {
        counters.bytesOut += bytes;
        ++counters.packetsOut;
    }
    counters.lastTick = m_tick;
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

// Evicts the oldest idle flows, a sixteenth of the table at a time so that the scan is paid
// once per many new flows. False when no flow is idle.
bool FlowTable::evictIdle() {
    using Entry = std::pair<std::uint64_t, FlowKey>;
    std::vector<Entry> idle;
    for (const auto& [key, counters] : m_flows) {
        if (counters.lastTick < m_tick) {
            idle.emplace_back(counters.lastTick, key);
        }
    }
    if (idle.empty()) {
        return false;
    }
    const std::size_t batch = std::min(idle.size(), std::max<std::size_t>(m_capacity / 16, 1));
    std::nth_element(idle.begin(), idle.begin() + static_cast<std::ptrdiff_t>(batch) - 1,
                     idle.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < batch; ++i) {
        m_flows.erase(idle[i].second);
    }
    m_evictedInTick += batch;
    m_evictedTotal += batch;
    return true;
}

}  // namespace netmon::capture
