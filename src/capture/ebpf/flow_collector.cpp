// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/flow_collector.h"

#include <algorithm>

#include "capture/ebpf/flow_map_reader.h"
#include "capture/ebpf/shared_flow_keys.h"

namespace netmon::capture {
namespace {

// A flow's owner is looked up on its first reads (the owner may call recvmsg only after the
// packet came) and then while it moves, up to a limit (forwarded traffic never has one).
constexpr unsigned kFirstOwnerLookups = 5;
constexpr unsigned kMaxOwnerLookups = 30;

CapturedFlow capturedFlow(const FlowKey& key, const FlowCounts& counts,
                          const std::optional<std::uint32_t>& pid, const std::string& command) {
    CapturedFlow flow;
    flow.key = key;
    flow.bytesIn = counts.bytesIn;
    flow.bytesOut = counts.bytesOut;
    flow.packetsIn = counts.packetsIn;
    flow.packetsOut = counts.packetsOut;
    flow.pid = pid;
    if (pid) {
        flow.command = command;
    }
    return flow;
}

}  // namespace

FlowCollector::FlowCollector(int flowMap, std::size_t capacity, int ownerMap,
                             unsigned idleReadsBeforeEviction)
    : m_flowMap(flowMap),
      m_capacity(capacity),
      m_ownerMap(ownerMap),
      m_owners(ownerMap),
      m_reader(flowMap, capacity),
      m_ledger(idleReadsBeforeEviction, capacity) {}

void FlowCollector::resolveOwner(FlowLedger::Entry& entry, const KernelFlowKey& key,
                                 std::uint32_t netns) {
    if (m_ownerMap < 0 || entry.pid || netns == 0) {
        return;
    }
    const bool moved = entry.idleReads == 0;
    if (entry.ownerLookups >= kMaxOwnerLookups ||
        (entry.ownerLookups >= kFirstOwnerLookups && !moved)) {
        return;
    }
    ++entry.ownerLookups;
    for (const kernel::netmon_owner_key& ownerKey : ownerKeysFor(key.tuple, netns)) {
        if (const auto owner = m_owners.find(ownerKey)) {
            entry.pid = owner->pid;
            entry.command = commandOf(owner->comm);
            return;
        }
    }
}

Result<std::vector<CapturedFlow>> FlowCollector::collect(
    const std::function<std::uint32_t(std::uint32_t)>& netnsOf) {
    // Room for as many flows as the last read found, some growth, and the flows evicted since
    // (each may be reported once more): under a full map this list never reallocates, which
    // would hold two copies of it at once.
    std::vector<CapturedFlow> flows;
    flows.reserve(std::min(m_entries + m_entries / 8 + 64, m_capacity + 64) + m_evictedSinceRead);
    m_ledger.beginRead();
    m_owners.beginRead();
    auto read = m_reader.forEach([&](const KernelFlowKey& key,
                                     const kernel::netmon_flow_counters& counters) {
        FlowLedger::Entry& entry = m_ledger.observe(key, countsOf(counters));
        resolveOwner(entry, key, netnsOf(key.ifindex));
        flows.push_back(capturedFlow(entry.flowKey, entry.reported(), entry.pid, entry.command));
    });
    if (!read) {
        // The ledger keeps what this part of the read saw; its counts are cumulative, so the
        // next read reports them and nothing is lost.
        return tl::unexpected(read.error());
    }
    m_entries = *read;
    m_evictedSinceRead = 0;
    for (const FlowLedger::Final& last : m_ledger.finishRead()) {
        flows.push_back(capturedFlow(last.flowKey, last.counts, last.pid, last.command));
    }
    mergeSharedFlowKeys(flows);
    return flows;
}

std::vector<std::string> FlowCollector::evictIfNeeded(bool overflowed) {
    const std::size_t wanted = EvictionPolicy{m_capacity}.wanted(m_entries, overflowed);
    if (wanted == 0) {
        return {};
    }
    std::size_t evicted = 0;
    for (const KernelFlowKey& key : m_ledger.evictionCandidates(wanted)) {
        if (const auto last = takeFlow(m_flowMap, key)) {
            m_ledger.evicted(key, countsOf(*last));
            ++evicted;
            ++m_evictedSinceRead;
        }
    }
    std::string warning = "eBPF flow map at " + std::to_string(m_entries) + " of " +
                          std::to_string(m_capacity) + " flows: " + std::to_string(evicted) +
                          " idle flows evicted";
    if (evicted < wanted) {
        warning +=
            "; the other flows are active, so new flows may be counted as 'other' "
            "until some go idle (a larger flow table helps)";
    }
    return {warning};
}

}  // namespace netmon::capture
