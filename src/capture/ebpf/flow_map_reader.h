// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
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

// Every entry of the flow map, with batch lookups (one entry at a time on kernels without
// them). Entries may change while this runs; each is read once. Keeps its buffers between
// reads: one tick's read allocates nothing once the map has been this full before.
class FlowMapReader {
public:
    FlowMapReader(int flowMap, std::size_t capacity) : m_flowMap(flowMap), m_capacity(capacity) {}
    // Valid until the next read.
    Result<std::span<const KernelFlow>> readAll();

private:
    Result<std::span<const KernelFlow>> readOneByOne();

    int m_flowMap;
    std::size_t m_capacity;
    std::vector<kernel::netmon_flow_key> m_keys;
    std::vector<kernel::netmon_flow_counters> m_values;
    std::vector<KernelFlow> m_flows;
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
