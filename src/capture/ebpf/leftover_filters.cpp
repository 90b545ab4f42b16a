// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/leftover_filters.h"

#include <bpf/bpf.h>
#include <net/if.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>

#include "capture/ebpf/loader_liveness.h"
#include "capture/ebpf/tc_filters.h"
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

const LoaderIdentity& thisProcess() {
    static const LoaderIdentity identity = thisProcessIdentity();
    return identity;
}

// Engines of this process are known without asking /proc: live while registered.
LoaderVerdict judge(const LoaderIdentity& loader, const ProcessView& view) {
    const LoaderIdentity& self = thisProcess();
    if (loader.pid == self.pid && loader.pidNamespace == self.pidNamespace &&
        loader.startTime == self.startTime && self.startTime != 0) {
        const std::lock_guard lock(live().mutex);
        if (live().instances.contains(loader.instance)) {
            return {LoaderState::Alive, {}};
        }
        return {LoaderState::Dead, "an engine of this process that has ended"};
    }
    return judgeLoader(loader, view);
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

struct Judged {
    LoaderVerdict verdict;
    std::uint32_t pid = 0;
};

// An older netmon's filter: its loader is in the program's stamp map. Those versions recorded
// no pid namespace; like them, the stamp is read as one of this pid namespace.
std::optional<Judged> judgeLegacy(std::uint32_t programId, const ProcessView& view) {
    const linux_platform::UniqueFd program(bpf_prog_get_fd_by_id(programId));
    if (!program.valid()) {
        if (errno == ENOENT) {
            return std::nullopt;  // unloaded meanwhile: the filter went with it
        }
        return Judged{{LoaderState::Unknown,
                       "it is an older netmon's, whose loader only a process with "
                       "CAP_SYS_ADMIN can read"},
                      0};
    }
    std::array<std::uint32_t, 16> mapIds{};
    bpf_prog_info info{};
    info.nr_map_ids = mapIds.size();
    info.map_ids = reinterpret_cast<std::uintptr_t>(mapIds.data());
    std::uint32_t length = sizeof info;
    if (bpf_obj_get_info_by_fd(program.get(), &info, &length) != 0 ||
        !std::string_view(info.name).starts_with(kPrefix)) {
        return std::nullopt;  // not one of our programs
    }
    const auto stamp = stampOf(info, mapIds);
    if (!stamp) {
        return Judged{{LoaderState::Unknown, "its program records no loader"}, 0};
    }
    const LoaderIdentity loader{view.pidNamespace.value_or(0), stamp->pid, stamp->start_time,
                                stamp->instance};
    return Judged{judge(loader, view), stamp->pid};
}

// Whose a filter is, when it is netmon's (nullopt: not ours, never touched).
std::optional<Judged> judgeFilter(const TcFilter& filter, const ProcessView& view) {
    if (filter.kind != "bpf") {
        return std::nullopt;
    }
    if (const auto loader = loaderOfFilterName(filter.name)) {
        return Judged{judge(*loader, view), loader->pid};
    }
    if (filter.handle == kLegacyTcHandle && filter.priority == kTcPriority && filter.programId &&
        filter.name.starts_with(kPrefix)) {
        return judgeLegacy(*filter.programId, view);
    }
    return std::nullopt;
}

}  // namespace

kernel::netmon_loader makeLoaderStamp() {
    kernel::netmon_loader stamp{};
    stamp.pid = thisProcess().pid;
    stamp.start_time = thisProcess().startTime;
    stamp.instance = live().next++;
    const std::lock_guard lock(live().mutex);
    live().instances.insert(stamp.instance);
    return stamp;
}

void retireLoaderStamp(const kernel::netmon_loader& stamp) {
    const std::lock_guard lock(live().mutex);
    live().instances.erase(stamp.instance);
}

LoaderIdentity identityOf(const kernel::netmon_loader& stamp) {
    LoaderIdentity identity = thisProcess();
    identity.instance = stamp.instance;
    return identity;
}

std::vector<std::string> removeLeftoverFilters() {
    std::vector<std::string> warnings;
    const std::unique_ptr<struct if_nameindex, decltype(&if_freenameindex)> interfaces(
        ::if_nameindex(), if_freenameindex);
    if (!interfaces) {
        return warnings;
    }
    const linux_platform::ProcFs proc;
    const ProcessView view = thisProcessView(proc);
    for (const struct if_nameindex* entry = interfaces.get(); entry->if_index != 0; ++entry) {
        const int ifindex = static_cast<int>(entry->if_index);
        for (const bool ingress : {true, false}) {
            const std::string where =
                std::string(entry->if_name) + (ingress ? " ingress" : " egress");
            const auto filters = listTcFilters(ifindex, ingress);
            for (const TcFilter& filter : filters ? *filters : std::vector<TcFilter>{}) {
                const std::optional<Judged> found = judgeFilter(filter, view);
                if (!found || found->verdict.state == LoaderState::Alive) {
                    continue;
                }
                const std::string pid = std::to_string(found->pid);
                if (found->verdict.state == LoaderState::Dead) {
                    if (removeIfStillThere(ifindex, ingress, filter)) {
                        warnings.push_back("removed an eBPF filter a killed netmon run left on " +
                                           where + " (pid " + pid + ")");
                    }
                    continue;
                }
                warnings.push_back(
                    "left an eBPF filter of netmon" + (found->pid != 0 ? " pid " + pid : "") +
                    " on " + where + " in place: cannot tell whether it still runs (" +
                    found->verdict.reason + "); if it is gone, remove it with `tc filter del dev " +
                    entry->if_name + (ingress ? " ingress" : " egress") + " prio " +
                    std::to_string(filter.priority) + " handle " + hexText(filter.handle) +
                    " bpf`");
            }
        }
    }
    return warnings;
}

}  // namespace netmon::capture
