// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/leftover_filters.h"

#include <bpf/bpf.h>
#include <net/if.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>

#include "capture/ebpf/tc_filters.h"
#include "platform/linux/proc_fs.h"
#include "platform/linux/proc_pid_parser.h"
#include "platform/linux/unique_fd.h"

namespace netmon::capture {
namespace {

// Every program and map of ours is named netmon_* (the function and variable names in the
// .bpf.c files); the loader stamp map is netmon_loader.
constexpr std::string_view kPrefix = "netmon_";
constexpr std::string_view kLoaderMap = "netmon_loader";

struct LiveInstances {
    std::mutex mutex;
    std::set<std::uint64_t> instances;
    std::atomic<std::uint64_t> next{1};
};

LiveInstances& live() {
    static LiveInstances instance;
    return instance;
}

std::optional<std::uint64_t> startTimeOf(std::uint32_t pid) {
    const linux_platform::ProcFs proc;
    const auto stat = proc.readFile(pid, "stat");
    if (!stat) {
        return std::nullopt;
    }
    const auto started = linux_platform::parseStartTime(*stat);
    return started ? std::optional(*started) : std::nullopt;
}

bool loaderAlive(const kernel::netmon_loader& stamp) {
    if (stamp.pid == static_cast<std::uint32_t>(::getpid()) &&
        startTimeOf(stamp.pid) == stamp.start_time) {
        const std::lock_guard lock(live().mutex);
        return live().instances.contains(stamp.instance);
    }
    return startTimeOf(stamp.pid) == stamp.start_time;
}

// The loader stamp among a program's maps, if it has one.
std::optional<kernel::netmon_loader> stampOf(const bpf_prog_info& program,
                                             const std::array<std::uint32_t, 16>& mapIds) {
    const std::uint32_t count = std::min<std::uint32_t>(program.nr_map_ids, mapIds.size());
    for (std::uint32_t i = 0; i < count; ++i) {
        const linux_platform::UniqueFd map(bpf_map_get_fd_by_id(mapIds[i]));
        bpf_map_info info{};
        std::uint32_t length = sizeof info;
        if (!map.valid() || bpf_obj_get_info_by_fd(map.get(), &info, &length) != 0 ||
            std::string_view(info.name) != kLoaderMap ||
            info.value_size != sizeof(kernel::netmon_loader)) {
            continue;
        }
        kernel::netmon_loader stamp{};
        const std::uint32_t zero = 0;
        if (bpf_map_lookup_elem(map.get(), &zero, &stamp) == 0) {
            return stamp;
        }
    }
    return std::nullopt;
}

}  // namespace

kernel::netmon_loader makeLoaderStamp() {
    kernel::netmon_loader stamp{};
    stamp.pid = static_cast<std::uint32_t>(::getpid());
    stamp.start_time = startTimeOf(stamp.pid).value_or(0);
    stamp.instance = live().next++;
    const std::lock_guard lock(live().mutex);
    live().instances.insert(stamp.instance);
    return stamp;
}

void retireLoaderStamp(const kernel::netmon_loader& stamp) {
    const std::lock_guard lock(live().mutex);
    live().instances.erase(stamp.instance);
}

FilterInspection inspectFilterProgram(std::uint32_t programId) {
    const linux_platform::UniqueFd program(bpf_prog_get_fd_by_id(programId));
    std::array<std::uint32_t, 16> mapIds{};
    bpf_prog_info info{};
    info.nr_map_ids = mapIds.size();
    info.map_ids = reinterpret_cast<std::uintptr_t>(mapIds.data());
    std::uint32_t length = sizeof info;
    if (!program.valid() || bpf_obj_get_info_by_fd(program.get(), &info, &length) != 0 ||
        !std::string_view(info.name).starts_with(kPrefix)) {
        return {FilterOwner::Foreign, 0};
    }
    const auto stamp = stampOf(info, mapIds);
    if (!stamp) {
        return {FilterOwner::Dead, 0};  // ours by name, but no loader to ask: not alive
    }
    return {loaderAlive(*stamp) ? FilterOwner::Live : FilterOwner::Dead, stamp->pid};
}

std::vector<std::string> removeLeftoverFilters() {
    std::vector<std::string> removed;
    const std::unique_ptr<struct if_nameindex, decltype(&if_freenameindex)> interfaces(
        ::if_nameindex(), if_freenameindex);
    if (!interfaces) {
        return removed;
    }
    for (const struct if_nameindex* entry = interfaces.get(); entry->if_index != 0; ++entry) {
        const int ifindex = static_cast<int>(entry->if_index);
        for (const bool ingress : {true, false}) {
            const std::optional<std::uint32_t> present = programInOurPlace(ifindex, ingress);
            if (!present) {
                continue;
            }
            const FilterInspection found = inspectFilterProgram(*present);
            if (found.owner == FilterOwner::Dead && detachOurPlace(ifindex, ingress)) {
                removed.push_back(std::string(entry->if_name) + (ingress ? " ingress" : " egress") +
                                  " (pid " + std::to_string(found.pid) + ")");
            }
        }
    }
    return removed;
}

}  // namespace netmon::capture
