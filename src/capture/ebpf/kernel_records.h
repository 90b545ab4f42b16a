// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "capture/ebpf/flow_counter_maps.h"
#include "core/model/flow_key.h"
#include "core/model/unflowed_traffic.h"

namespace netmon::capture {

// The kernel programs' map records (flow_counter_maps.h) in core's terms. Pure functions.

struct FlowCounts {
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t packetsIn = 0;
    std::uint64_t packetsOut = 0;

    friend bool operator==(const FlowCounts&, const FlowCounts&) = default;
    FlowCounts& operator+=(const FlowCounts& other);
};

FlowCounts countsOf(const kernel::netmon_flow_counters& counters);
// The tuple as core's FlowKey (protocols other than ICMP/TCP/UDP/ICMPv6 become Other).
FlowKey flowKeyOf(const kernel::netmon_tuple& tuple);

// Owner map keys to try for a flow, most specific first: the full tuple, the local endpoint,
// the port on a wildcard address. Empty for protocols without ports.
std::vector<kernel::netmon_owner_key> ownerKeysFor(const kernel::netmon_tuple& tuple,
                                                   std::uint32_t netns);
// A task's comm field (up to 16 bytes, NUL-terminated unless full) as valid UTF-8 text.
std::string commandOf(const char (&comm)[16]);

// A per-CPU map value comes as one copy per possible CPU; the interface's counts are their sum.
kernel::netmon_interface_counters sumPerCpu(
    std::span<const kernel::netmon_interface_counters> copies);
// Non-IP + malformed + overflow, as the contract's "other" bucket.
UnflowedTraffic unflowedOf(const kernel::netmon_interface_counters& counters);
std::uint64_t overflowPacketsOf(const kernel::netmon_interface_counters& counters);
UnflowedTraffic& operator+=(UnflowedTraffic& total, const UnflowedTraffic& more);
// `now - before`, field by field (counters only grow).
UnflowedTraffic grownSince(const UnflowedTraffic& now, const UnflowedTraffic& before);

// Hashing and comparing kernel keys by their bytes (every padding byte is zero): 8 bytes at a
// time, multiply-xorshift mixed.
template <typename Key>
struct KernelKeyHash {
    std::size_t operator()(const Key& key) const noexcept {
        const auto* bytes = reinterpret_cast<const unsigned char*>(&key);
        std::uint64_t hash = sizeof(Key);
        std::size_t offset = 0;
        for (; offset + 8 <= sizeof(Key); offset += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes + offset, 8);
            hash = (hash ^ word) * 0x9e3779b97f4a7c15ULL;
            hash ^= hash >> 29;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, bytes + offset, sizeof(Key) - offset);
        hash = (hash ^ tail) * 0xbf58476d1ce4e5b9ULL;
        return static_cast<std::size_t>(hash ^ (hash >> 31));
    }
};
template <typename Key>
struct KernelKeyEqual {
    bool operator()(const Key& a, const Key& b) const noexcept {
        return std::memcmp(&a, &b, sizeof(Key)) == 0;
    }
};

}  // namespace netmon::capture
