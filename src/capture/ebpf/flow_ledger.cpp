// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/flow_ledger.h"

#include <algorithm>

namespace netmon::capture {

FlowCounts FlowLedger::Entry::reported() const {
    FlowCounts total = carry;
    total += last;
    return total;
}

FlowLedger::FlowLedger(unsigned idleReadsBeforeEviction, std::size_t expectedEntries)
    : m_idleReadsBeforeEviction(std::max(idleReadsBeforeEviction, 1U)) {
    m_entries.reserve(expectedEntries);
}

void FlowLedger::beginRead() {
    ++m_read;
    m_seen = 0;
    m_cursor = 0;
    m_nextOrder.clear();
    m_nextOrder.reserve(m_entries.size());
}

FlowLedger::Node& FlowLedger::find(const KernelFlowKey& key, bool& created) {
    constexpr std::size_t kPrefetchAhead = 8;
    created = false;
    if (m_cursor < m_order.size()) {
        Node* expected = m_order[m_cursor];
        if (m_cursor + kPrefetchAhead < m_order.size()) {
            __builtin_prefetch(m_order[m_cursor + kPrefetchAhead]);
        }
        if (expected != nullptr && KernelKeyEqual<KernelFlowKey>{}(expected->first, key)) {
            ++m_cursor;
            return *expected;
        }
    }
    auto [found, inserted] = m_entries.try_emplace(key);
    created = inserted;
    if (!inserted && found->second.seenInRead == m_read - 1) {
        m_cursor = found->second.position + 1;  // back in step after an insert or a delete
    }
    return *found;
}

FlowLedger::Entry& FlowLedger::observe(const KernelFlowKey& key, const FlowCounts& kernel) {
    bool created = false;
    Node& node = find(key, created);
    Entry& entry = node.second;
    entry.position = m_nextOrder.size();
    m_nextOrder.push_back(&node);
    if (created) {
        entry.flowKey = flowKeyOf(key.tuple);
        entry.last = kernel;
    } else if (entry.evictedWith) {
        // Deleted by the last read, recreated by a packet since: continue from the final counts.
        entry.carry = *entry.evictedWith;
        entry.evictedWith.reset();
        entry.last = kernel;
        entry.idleReads = 0;
    } else {
        entry.idleReads = kernel == entry.last ? entry.idleReads + 1 : 0;
        entry.last = kernel;
    }
    if (entry.seenInRead != m_read) {
        entry.seenInRead = m_read;
        ++m_seen;
    }
    return entry;
}

std::vector<FlowLedger::Final> FlowLedger::finishRead() {
    std::swap(m_order, m_nextOrder);
    std::vector<Final> finals;
    if (m_seen == m_entries.size()) {
        return finals;  // every entry is still in the kernel map: nothing to forget
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const Entry& entry = it->second;
        if (entry.seenInRead == m_read) {
            ++it;
            continue;
        }
        if (entry.evictedWith) {
            finals.push_back({entry.flowKey, *entry.evictedWith, entry.pid, entry.command});
        }
        it = m_entries.erase(it);
    }
    return finals;
}

std::vector<KernelFlowKey> FlowLedger::evictionCandidates(std::size_t count) const {
    std::vector<std::pair<unsigned, const KernelFlowKey*>> idle;
    for (const auto& [key, entry] : m_entries) {
        if (entry.seenInRead == m_read && !entry.evictedWith &&
            entry.idleReads >= m_idleReadsBeforeEviction) {
            idle.emplace_back(entry.idleReads, &key);
        }
    }
    const std::size_t taken = std::min(count, idle.size());
    std::partial_sort(idle.begin(), idle.begin() + static_cast<std::ptrdiff_t>(taken), idle.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<KernelFlowKey> keys;
    keys.reserve(taken);
    for (std::size_t i = 0; i < taken; ++i) {
        keys.push_back(*idle[i].second);
    }
    return keys;
}

void FlowLedger::evicted(const KernelFlowKey& key, const FlowCounts& finalKernel) {
    const auto found = m_entries.find(key);
    if (found == m_entries.end() || found->second.evictedWith) {
        return;
    }
    Entry& entry = found->second;
    if (finalKernel == entry.last) {
        if (entry.seenInRead == m_read && entry.position < m_order.size()) {
            m_order[entry.position] = nullptr;
        }
        m_entries.erase(found);  // the last reading had its final counts
        --m_seen;
        return;
    }
    FlowCounts total = entry.carry;
    total += finalKernel;
    entry.evictedWith = total;
}

std::size_t EvictionPolicy::wanted(std::size_t entries, bool overflowed) const {
    const std::size_t highWater = capacity - capacity / 8;
    const std::size_t lowWater = capacity - capacity / 4;
    if (entries < highWater && !overflowed) {
        return 0;
    }
    return entries > lowWater ? entries - lowWater : 0;
}

}  // namespace netmon::capture
