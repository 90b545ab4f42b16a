// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/owner_lookup.h"

#include <bpf/bpf.h>

#include <array>
#include <cerrno>

#include "capture/ebpf/flow_map_reader.h"

namespace netmon::capture {
namespace {

constexpr std::uint32_t kBatch = 4096;

}  // namespace

void OwnerLookup::beginRead() {
    m_direct = 0;
    m_loaded = false;
    m_owners.clear();
}

std::optional<kernel::netmon_owner> OwnerLookup::find(const kernel::netmon_owner_key& key) {
    if (!m_loaded && m_direct >= kDirectLookups) {
        m_loaded = loadAll();
    }
    if (m_loaded) {
        const auto found = m_owners.find(key);
        return found == m_owners.end() ? std::nullopt : std::optional(found->second);
    }
    ++m_direct;
    return lookupOwner(m_ownerMap, key);
}

// Every entry, in batches; false when the kernel has no batch lookups (before 5.6) or refuses,
// and the lookups then stay one by one.
bool OwnerLookup::loadAll() {
    alignas(8) std::array<unsigned char, 64> token{};  // the hash map's bucket cursor
    for (bool first = true;; first = false) {
        m_keys.resize(kBatch);
        m_values.resize(kBatch);
        std::uint32_t count = kBatch;
        const int result =
            bpf_map_lookup_batch(m_ownerMap, first ? nullptr : token.data(), token.data(),
                                 m_keys.data(), m_values.data(), &count, nullptr);
        const int error = result < 0 ? errno : 0;
        if (result < 0 && error != ENOENT) {
            m_owners.clear();
            return false;
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            m_owners.emplace(m_keys[i], m_values[i]);
        }
        if (error == ENOENT || count == 0) {
            return true;
        }
    }
}

}  // namespace netmon::capture
