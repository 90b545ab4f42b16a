// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "capture/ebpf/flow_counter_maps.h"
#include "core/result.h"

namespace netmon::capture {

// Reads of the kernel maps by file descriptor (the maps of flow_counter.bpf.c and
// socket_owners.bpf.c). A failed read is an error, never an empty result.

struct KernelFlow {
    kernel::netmon_flow_key key;
    kernel::netmon_flow_counters counters;
};

// Every entry of the flow map, with batch lookups of a few thousand entries at a time (one
// entry at a time on kernels without them), each handed to a visitor before the next batch is
// read: a full map costs one batch of memory, not a copy of the map. Entries may change while
// this runs; each is read once.
class FlowMapReader {
public:
    using Visitor =
        std::function<void(const kernel::netmon_flow_key&, const kernel::netmon_flow_counters&)>;

    FlowMapReader(int flowMap, std::size_t capacity) : m_flowMap(flowMap), m_capacity(capacity) {}
    // Returns how many entries were visited.
    Result<std::size_t> forEach(const Visitor& visit);

private:
    Result<std::size_t> forEachOneByOne(const Visitor& visit);

    int m_flowMap;
    std::size_t m_capacity;
    std::vector<kernel::netmon_flow_key> m_keys;  // one batch, kept between reads
    std::vector<kernel::netmon_flow_counters> m_values;
};

// The same, in a new vector (tests).
Result<std::vector<KernelFlow>> readAllFlows(int flowMap);

// Deletes an entry and returns its counts at the moment of the delete; nullopt if absent.
std::optional<kernel::netmon_flow_counters> takeFlow(int flowMap,
                                                     const kernel::netmon_flow_key& key);

// One interface's counters, summed over the CPUs' copies; zeros when it has no entry yet.
Result<kernel::netmon_interface_counters> readInterfaceCounters(int interfaceMap,
                                                                std::uint32_t ifindex);
// Creates an interface's entry (zeros) unless it exists, so the programs never insert it.
void ensureInterfaceEntry(int interfaceMap, std::uint32_t ifindex);

std::optional<kernel::netmon_owner> lookupOwner(int ownerMap, const kernel::netmon_owner_key& key);

}  // namespace netmon::capture
