// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/tc_filters.h"

#include <bpf/libbpf.h>

#include <cstring>

#include "capture/ebpf/leftover_filters.h"
#include "capture/ebpf/libbpf_log.h"
#include "capture/ebpf/load_errors.h"

namespace netmon::capture {
namespace {

bpf_tc_hook hookOf(int ifindex, bool ingress) {
    bpf_tc_hook hook{};
    hook.sz = sizeof hook;
    hook.ifindex = ifindex;
    hook.attach_point = ingress ? BPF_TC_INGRESS : BPF_TC_EGRESS;
    return hook;
}

bpf_tc_opts ourPlace(int programFd = 0) {
    bpf_tc_opts opts{};
    opts.sz = sizeof opts;
    opts.handle = kTcHandle;
    opts.priority = kTcPriority;
    opts.prog_fd = programFd;
    return opts;
}

const char* directionName(bool ingress) {
    return ingress ? "ingress" : "egress";
}

// One direction; on EEXIST, a killed run's leftover is removed and the attach retried.
Result<std::uint32_t> attachOne(int ifindex, const std::string& name, bool ingress, int program) {
    const bpf_tc_hook hook = hookOf(ifindex, ingress);
    bpf_tc_opts opts = ourPlace(program);
    int error = bpf_tc_attach(&hook, &opts);
    if (error == -EEXIST) {
        const std::optional<std::uint32_t> present = programInOurPlace(ifindex, ingress);
        const FilterInspection found =
            present ? inspectFilterProgram(*present) : FilterInspection{FilterOwner::Dead, 0};
        if (found.owner == FilterOwner::Live) {
            return fail(name + " is already counted by another netmon engine (pid " +
                            std::to_string(found.pid) + ")",
                        "stop the other netmon first, or let it do the capture");
        }
        if (found.owner == FilterOwner::Foreign) {
            return fail("another program holds tc handle 0x4e4d priority 1 on " + name + " " +
                            directionName(ingress),
                        "remove it (tc filter del dev " + name + " " + directionName(ingress) +
                            " handle 0x4e4d prio 1 bpf) or leave " + name + " unmonitored");
        }
        detachOurPlace(ifindex, ingress);  // a killed run's leftover
        opts = ourPlace(program);
        error = bpf_tc_attach(&hook, &opts);
    }
    if (error != 0) {
        return tl::unexpected(loadError(
            "cannot attach the eBPF counter to " + name + " " + directionName(ingress), -error));
    }
    return opts.prog_id;
}

}  // namespace

Result<std::unique_ptr<TcFilters>> TcFilters::attach(std::shared_ptr<const NetNamespace> ns,
                                                     int ifindex, const std::string& name,
                                                     FlowCounter::Programs programs) {
    markLibbpfMessages();
    bpf_tc_hook hook = hookOf(ifindex, true);
    if (const int error = bpf_tc_hook_create(&hook); error != 0 && error != -EEXIST) {
        return tl::unexpected(
            loadError("cannot add the clsact qdisc to " + name + " for eBPF counting", -error));
    }
    const auto ingress = attachOne(ifindex, name, true, programs.ingress);
    if (!ingress) {
        return tl::unexpected(ingress.error());
    }
    const auto egress = attachOne(ifindex, name, false, programs.egress);
    if (!egress) {
        detachOurPlace(ifindex, true);
        return tl::unexpected(egress.error());
    }
    return std::unique_ptr<TcFilters>(new TcFilters(std::move(ns), ifindex, *ingress, *egress));
}

TcFilters::~TcFilters() {
    if (!m_attached) {
        return;
    }
    // The clsact qdisc stays: other tools' filters may hang on it, and an empty one costs
    // nothing.
    (void)m_ns->run([this] {
        for (const bool ingress : {true, false}) {
            if (programInOurPlace(m_ifindex, ingress) == (ingress ? m_ingressId : m_egressId)) {
                detachOurPlace(m_ifindex, ingress);
            }
        }
    });
}

std::optional<std::uint32_t> programInOurPlace(int ifindex, bool ingress) {
    const bpf_tc_hook hook = hookOf(ifindex, ingress);
    bpf_tc_opts opts = ourPlace();
    if (bpf_tc_query(&hook, &opts) != 0) {
        return std::nullopt;
    }
    return opts.prog_id;
}

bool detachOurPlace(int ifindex, bool ingress) {
    const bpf_tc_hook hook = hookOf(ifindex, ingress);
    const bpf_tc_opts opts = ourPlace();
    return bpf_tc_detach(&hook, &opts) == 0;
}

}  // namespace netmon::capture
