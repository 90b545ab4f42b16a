// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/shared_flow_keys.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace netmon::capture {
namespace {

// Whether two flows may share a key: equal hashes (a collision only costs a merge that finds
// nothing to merge).
bool mayShareKeys(const std::vector<CapturedFlow>& flows) {
    std::vector<std::size_t> hashes;
    hashes.reserve(flows.size());
    for (const CapturedFlow& flow : flows) {
        hashes.push_back(FlowKeyHash{}(flow.key));
    }
    std::sort(hashes.begin(), hashes.end());
    return std::adjacent_find(hashes.begin(), hashes.end()) != hashes.end();
}

}  // namespace

void mergeSharedFlowKeys(std::vector<CapturedFlow>& flows) {
    if (!mayShareKeys(flows)) {
        return;
    }
    std::unordered_map<FlowKey, std::size_t, FlowKeyHash> first;
    std::vector<CapturedFlow> merged;
    merged.reserve(flows.size());
    for (CapturedFlow& flow : flows) {
        const auto [slot, created] = first.try_emplace(flow.key, merged.size());
        if (created) {
            merged.push_back(std::move(flow));
            continue;
        }
        CapturedFlow& total = merged[slot->second];
        total.bytesIn += flow.bytesIn;
        total.bytesOut += flow.bytesOut;
        total.packetsIn += flow.packetsIn;
        total.packetsOut += flow.packetsOut;
        if (!total.pid && flow.pid) {
            total.pid = flow.pid;
            total.command = std::move(flow.command);
        }
    }
    flows = std::move(merged);
}

}  // namespace netmon::capture
