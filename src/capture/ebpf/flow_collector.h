// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "capture/ebpf/flow_ledger.h"
#include "capture/ebpf/flow_map_reader.h"
#include "capture/ebpf/owner_lookup.h"
#include "core/result.h"
#include "core/sources/captured_flow.h"

namespace netmon::capture {

// The flows half of a read: the kernel flow map through the ledger (cumulative counts that
// never go backwards), merged per FlowKey across interfaces, with the owning process from the
// socket owner map where there is one; and eviction of idle flows when the map fills.
class FlowCollector {
public:
    // ownerMap: -1 when process attribution is off.
    FlowCollector(int flowMap, std::size_t capacity, int ownerMap,
                  unsigned idleReadsBeforeEviction);

    // netnsOf(ifindex): the network namespace (inode) of an interface, for owner lookups.
    Result<std::vector<CapturedFlow>> collect(
        const std::function<std::uint32_t(std::uint32_t)>& netnsOf);
    // After collect(): evicts idle flows when the map is nearly full or a packet found no room
    // (`overflowed`). Warnings say how many and whether room is still short.
    std::vector<std::string> evictIfNeeded(bool overflowed);

private:
    void resolveOwner(FlowLedger::Entry& entry, const KernelFlowKey& key, std::uint32_t netns);

    int m_flowMap;
    std::size_t m_capacity;
    int m_ownerMap;
    OwnerLookup m_owners;
    FlowMapReader m_reader;
    FlowLedger m_ledger;
    std::size_t m_entries = 0;  // in the kernel map at the last collect()
    std::size_t m_evictedSinceRead = 0;
};

}  // namespace netmon::capture
