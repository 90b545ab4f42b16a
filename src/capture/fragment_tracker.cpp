// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/fragment_tracker.h"

#include <algorithm>

namespace netmon::capture {

std::size_t FragmentKeyHash::operator()(const FragmentKey& key) const noexcept {
    const IpAddressHash addressHash;
    std::size_t hash = addressHash(key.source);
    hash = hash * 31 + addressHash(key.destination);
    hash = hash * 31 + key.id;
    return hash * 31 + key.protocol;
}

FragmentTracker::FragmentTracker(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1)) {
    m_flows.reserve(m_capacity);
    m_order.reserve(m_capacity);
}

void FragmentTracker::remember(const FragmentKey& key, FragmentFlow flow) {
    if (const auto found = m_flows.find(key); found != m_flows.end()) {
        found->second = flow;  // the identification came round again: newest wins
        return;
    }
    if (m_order.size() < m_capacity) {
        m_order.push_back(key);
    } else {
        m_flows.erase(m_order[m_next]);
        m_order[m_next] = key;
        m_next = (m_next + 1) % m_capacity;
    }
    m_flows.emplace(key, flow);
}

std::optional<FragmentFlow> FragmentTracker::find(const FragmentKey& key) const {
    const auto found = m_flows.find(key);
    if (found == m_flows.end()) {
        return std::nullopt;
    }
    return found->second;
}

}  // namespace netmon::capture
