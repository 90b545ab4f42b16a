// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/other_candidates.h"

#include <algorithm>

namespace netmon::storage {

OtherCandidates::OtherCandidates(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1)) {}

BreakdownBytes OtherCandidates::inOther(const std::string& name) const {
    const auto found = m_entries.find(name);
    return found == m_entries.end() ? BreakdownBytes{} : found->second.exact;
}

void OtherCandidates::add(const std::string& name, const BreakdownBytes& bytes) {
    if (auto found = m_entries.find(name); found != m_entries.end()) {
        Entry& entry = found->second;
        m_byEstimate.erase({entry.estimate, found->first});
        entry.exact += bytes;
        entry.estimate += bytes.total();
        m_byEstimate.emplace(entry.estimate, found->first);
        return;
    }
    std::int64_t inherited = 0;
    if (m_entries.size() >= m_capacity) {
        // Its bytes stay in "other"; only the knowledge of whose they were is dropped.
        const auto smallest = m_byEstimate.begin();
        inherited = smallest->first;
        const std::string_view evicted = smallest->second;
        m_byEstimate.erase(smallest);
        m_entries.erase(std::string(evicted));
    }
    const auto [entry, inserted] = m_entries.emplace(name, Entry{bytes, inherited + bytes.total()});
    m_byEstimate.emplace(entry->second.estimate, entry->first);
}

void OtherCandidates::forget(const std::string& name) {
    const auto found = m_entries.find(name);
    if (found == m_entries.end()) {
        return;
    }
    m_byEstimate.erase({found->second.estimate, found->first});
    m_entries.erase(found);
}

}  // namespace netmon::storage
