// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/flow_map_reader.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string>

#include "capture/ebpf/kernel_records.h"

namespace netmon::capture {
namespace {

// Entries per batch lookup. A hash map's batch copies whole buckets and says ENOSPC only when
// the first bucket does not fit, which a few thousand entries never fail to hold.
constexpr std::size_t kBatch = 4096;

Error readError(const char* what, int error) {
    return {std::string("cannot read the eBPF ") + what + ": " + std::strerror(error),
            "the kernel refused a map read; restart the capture"};
}

}  // namespace

Result<std::size_t> FlowMapReader::forEach(const Visitor& visit) {
    m_keys.resize(kBatch);
    m_values.resize(kBatch);
    // Entries may be added while the read goes on; a walk that finds far more than the map can
    // hold is not a walk that ends.
    const std::size_t most = 2 * m_capacity + kBatch;
    alignas(8) std::array<unsigned char, 64> token{};  // the hash map's bucket cursor
    std::size_t total = 0;
    for (bool first = true; total < most; first = false) {
        auto count = static_cast<std::uint32_t>(kBatch);
        const int result =
            bpf_map_lookup_batch(m_flowMap, first ? nullptr : token.data(), token.data(),
                                 m_keys.data(), m_values.data(), &count, nullptr);
        const int error = result < 0 ? errno : 0;
        if (result < 0 && error != ENOENT) {
            if (first && (error == EINVAL || error == ENOTSUP || error == EOPNOTSUPP)) {
                return forEachOneByOne(visit);  // kernels before 5.6
            }
            return tl::unexpected(readError("flow map", error));
        }
        for (std::size_t i = 0; i < count && i < kBatch; ++i) {
            visit(m_keys[i], m_values[i]);
        }
        total += count;
        if (error == ENOENT) {
            break;
        }
    }
    return total;
}

Result<std::size_t> FlowMapReader::forEachOneByOne(const Visitor& visit) {
    kernel::netmon_flow_key key{};
    kernel::netmon_flow_key next{};
    const void* previous = nullptr;
    std::size_t total = 0;
    while (bpf_map_get_next_key(m_flowMap, previous, &next) == 0) {
        kernel::netmon_flow_counters counters{};
        if (bpf_map_lookup_elem(m_flowMap, &next, &counters) == 0) {
            visit(next, counters);
            ++total;
        }
        key = next;
        previous = &key;
    }
    if (errno != ENOENT) {
        return tl::unexpected(readError("flow map", errno));
    }
    return total;
}

Result<std::vector<KernelFlow>> readAllFlows(int flowMap) {
    bpf_map_info info{};
    std::uint32_t length = sizeof info;
    if (bpf_obj_get_info_by_fd(flowMap, &info, &length) != 0) {
        return tl::unexpected(readError("flow map's size", errno));
    }
    std::vector<KernelFlow> flows;
    FlowMapReader reader(flowMap, info.max_entries);
    auto read = reader.forEach(
        [&](const kernel::netmon_flow_key& key, const kernel::netmon_flow_counters& counters) {
            flows.push_back({key, counters});
        });
    if (!read) {
        return tl::unexpected(read.error());
    }
    return flows;
}

std::optional<kernel::netmon_flow_counters> takeFlow(int flowMap,
                                                     const kernel::netmon_flow_key& key) {
    kernel::netmon_flow_counters counters{};
    if (bpf_map_lookup_and_delete_elem(flowMap, &key, &counters) != 0) {
        return std::nullopt;
    }
    return counters;
}

Result<kernel::netmon_interface_counters> readInterfaceCounters(int interfaceMap,
                                                                std::uint32_t ifindex) {
    const int cpus = libbpf_num_possible_cpus();
    if (cpus <= 0) {
        return tl::unexpected(readError("CPU count", -cpus));
    }
    std::vector<kernel::netmon_interface_counters> copies(static_cast<std::size_t>(cpus));
    if (bpf_map_lookup_elem(interfaceMap, &ifindex, copies.data()) != 0) {
        if (errno == ENOENT) {
            return kernel::netmon_interface_counters{};
        }
        return tl::unexpected(readError("interface counters", errno));
    }
    return sumPerCpu(copies);
}

void ensureInterfaceEntry(int interfaceMap, std::uint32_t ifindex) {
    const int cpus = libbpf_num_possible_cpus();
    if (cpus > 0) {
        const std::vector<kernel::netmon_interface_counters> zeros(static_cast<std::size_t>(cpus));
        bpf_map_update_elem(interfaceMap, &ifindex, zeros.data(), BPF_NOEXIST);
    }
}

std::optional<kernel::netmon_owner> lookupOwner(int ownerMap, const kernel::netmon_owner_key& key) {
    kernel::netmon_owner owner{};
    if (bpf_map_lookup_elem(ownerMap, &key, &owner) != 0) {
        return std::nullopt;
    }
    return owner;
}

}  // namespace netmon::capture
