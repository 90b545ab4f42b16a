// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "capture/ebpf/flow_counter_maps.h"
#include "capture/ebpf/kernel_records.h"

namespace netmon::capture {

// Looks flows' owners up in the socket owner map (socket_owners.bpf.c). A few lookups per read
// go to the kernel one by one; past kDirectLookups in one read (a flood of new flows, each
// looked up on its first reads under up to three keys: 130,000 syscalls a second were most of
// netmon's CPU) the whole map is read once with batch lookups and the rest of the read is
// answered from that copy. The copy holds at most the map's capacity (16,384 sockets).
class OwnerLookup {
public:
    static constexpr std::size_t kDirectLookups = 256;

    explicit OwnerLookup(int ownerMap) : m_ownerMap(ownerMap) {}

    // A new read: the copy (if any) is stale now.
    void beginRead();
    std::optional<kernel::netmon_owner> find(const kernel::netmon_owner_key& key);

private:
    bool loadAll();

    using Owners = std::unordered_map<kernel::netmon_owner_key, kernel::netmon_owner,
                                      KernelKeyHash<kernel::netmon_owner_key>,
                                      KernelKeyEqual<kernel::netmon_owner_key>>;
    int m_ownerMap;
    std::size_t m_direct = 0;  // lookups sent to the kernel in this read
    bool m_loaded = false;
    Owners m_owners;
    std::vector<kernel::netmon_owner_key> m_keys;  // batch buffers, kept between reads
    std::vector<kernel::netmon_owner> m_values;
};

}  // namespace netmon::capture
