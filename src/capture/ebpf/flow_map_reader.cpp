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

constexpr std::uint32_t kMinimumBatch = 4096;

Error readError(const char* what, int error) {
    return {std::string("cannot read the eBPF ") + what + ": " + std::strerror(error),
            "the kernel refused a map read; restart the capture"};
}

}  // namespace

Result<std::span<const KernelFlow>> FlowMapReader::readAll() {
    // Room for the whole map (a hash map's batch may return a few more entries than were
    // there when it started; it says ENOSPC when a bucket does not fit).
    const std::size_t room = std::max<std::size_t>(m_capacity + 64, kMinimumBatch);
    m_keys.resize(room);
    m_values.resize(room);
    alignas(8) std::array<unsigned char, 64> token{};  // the hash map's bucket cursor
    std::size_t total = 0;
    for (bool first = true;; first = false) {
        auto count = static_cast<std::uint32_t>(room - total);
        const int result =
            bpf_map_lookup_batch(m_flowMap, first ? nullptr : token.data(), token.data(),
                                 m_keys.data() + total, m_values.data() + total, &count, nullptr);
        const int error = result < 0 ? errno : 0;
        if (result < 0 && error != ENOENT) {
            if (first && (error == EINVAL || error == ENOTSUP || error == EOPNOTSUPP)) {
                return readOneByOne();  // kernels before 5.6
            }
            return tl::unexpected(readError("flow map", error));
        }
        total += count;
        if (error == ENOENT || total >= room) {
            break;
        }
    }
    m_flows.resize(total);
    for (std::size_t i = 0; i < total; ++i) {
        m_flows[i] = {m_keys[i], m_values[i]};
    }
    return std::span<const KernelFlow>(m_flows);
}

Result<std::span<const KernelFlow>> FlowMapReader::readOneByOne() {
    m_flows.clear();
    kernel::netmon_flow_key key{};
    kernel::netmon_flow_key next{};
    const void* previous = nullptr;
    while (bpf_map_get_next_key(m_flowMap, previous, &next) == 0) {
        KernelFlow flow{next, {}};
        if (bpf_map_lookup_elem(m_flowMap, &next, &flow.counters) == 0) {
            m_flows.push_back(flow);
        }
        key = next;
        previous = &key;
    }
    if (errno != ENOENT) {
        return tl::unexpected(readError("flow map", errno));
    }
    return std::span<const KernelFlow>(m_flows);
}

Result<std::vector<KernelFlow>> readAllFlows(int flowMap) {
    bpf_map_info info{};
    std::uint32_t length = sizeof info;
    if (bpf_obj_get_info_by_fd(flowMap, &info, &length) != 0) {
        return tl::unexpected(readError("flow map's size", errno));
    }
    FlowMapReader reader(flowMap, info.max_entries);
    auto flows = reader.readAll();
    if (!flows) {
        return tl::unexpected(flows.error());
    }
    return std::vector<KernelFlow>(flows->begin(), flows->end());
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
