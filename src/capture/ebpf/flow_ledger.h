// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "capture/ebpf/kernel_records.h"

namespace netmon::capture {

using KernelFlowKey = kernel::netmon_flow_key;

// What user space remembers of each kernel flow entry between reads: its last counts (to see
// it idle), the process it belongs to once known, and what eviction left to report. Pure.
//
// Eviction and the race it must not lose: a flow is deleted only after its counts stood still
// for `idleReadsBeforeEviction` reads in a row, and it is deleted with
// bpf_map_lookup_and_delete_elem, whose value is the final count. If that value is larger
// than the one the last reading reported (a packet came between that reading and the
// delete), the difference is not lost: the flow is reported once more, with its final
// counts, by the next reading; if the kernel recreated the entry by then, the final counts
// carry over into the new entry's, so the flow's counters never go backwards.
class FlowLedger {
public:
    struct Entry {
        FlowKey flowKey;   // the entry's tuple in core's terms
        FlowCounts last;   // the kernel entry's counts at the last read
        FlowCounts carry;  // counts of an earlier incarnation of the entry (see above)
        std::uint64_t seenInRead = 0;
        std::size_t position = 0;  // in the kernel map's order at the last read
        unsigned idleReads = 0;
        std::optional<FlowCounts> evictedWith;  // deleted; its final counts (carry included)
        std::optional<std::uint32_t> pid;
        std::string command;
        unsigned ownerLookups = 0;  // attempts to find the owner so far

        [[nodiscard]] FlowCounts reported() const;
    };
    struct Final {
        FlowKey flowKey;
        FlowCounts counts;
        std::optional<std::uint32_t> pid;
        std::string command;
    };

    FlowLedger(unsigned idleReadsBeforeEviction, std::size_t expectedEntries = 0);

    // One read: beginRead(), observe() for each kernel entry, finishRead().
    void beginRead();
    Entry& observe(const KernelFlowKey& key, const FlowCounts& kernel);
    // Flows evicted by the last read whose counts grew before the delete and whose entry did
    // not come back: to be reported one last time. Forgets every entry this read did not see.
    std::vector<Final> finishRead();

    // Up to `count` entries idle for long enough, the longest idle first.
    [[nodiscard]] std::vector<KernelFlowKey> evictionCandidates(std::size_t count) const;
    // The kernel entry was deleted; `finalKernel` is what the delete returned.
    void evicted(const KernelFlowKey& key, const FlowCounts& finalKernel);

    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    using Entries = std::unordered_map<KernelFlowKey, Entry, KernelKeyHash<KernelFlowKey>,
                                       KernelKeyEqual<KernelFlowKey>>;
    using Node = Entries::value_type;
    Node& find(const KernelFlowKey& key, bool& created);

    Entries m_entries;
    // A hash map's dump comes in the same order read after read (bucket order), so the
    // entries are also kept in the last read's order: most lookups are a comparison with the
    // next one there (prefetched ahead), not a hash lookup that misses the cache twice.
    std::vector<Node*> m_order;
    std::vector<Node*> m_nextOrder;
    std::size_t m_cursor = 0;
    unsigned m_idleReadsBeforeEviction;
    std::uint64_t m_read = 0;
    std::size_t m_seen = 0;  // entries observed in the current read
};

// When the engine evicts: once the map holds 7/8 of its capacity (or a packet found no room),
// down to 3/4.
struct EvictionPolicy {
    std::size_t capacity = 0;
    [[nodiscard]] std::size_t wanted(std::size_t entries, bool overflowed) const;
};

}  // namespace netmon::capture
