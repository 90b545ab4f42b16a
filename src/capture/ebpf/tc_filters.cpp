// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/tc_filters.h"

#include <bpf/libbpf.h>
#include <linux/if_ether.h>

#include <cerrno>

#include "capture/ebpf/libbpf_log.h"
#include "capture/ebpf/load_errors.h"

namespace netmon::capture {
namespace {

const char* directionName(bool ingress) {
    return ingress ? "ingress" : "egress";
}

// What holds priority `kTcPriority` on that hook, when it is not a bpf filter for every
// protocol (the only kind the kernel lets share a priority with ours).
std::string occupant(int ifindex, bool ingress) {
    const auto filters = listTcFilters(ifindex, ingress);
    if (!filters) {
        return {};
    }
    for (const TcFilter& filter : *filters) {
        if (filter.priority == kTcPriority &&
            (filter.kind != "bpf" || filter.protocol != ETH_P_ALL)) {
            return filter.kind + " filter (handle " + hexText(filter.handle) + ", protocol " +
                   hexText(filter.protocol) + ")";
        }
    }
    return {};
}

Result<TcFilter> attachOne(int ifindex, const std::string& name, bool ingress, int program,
                           const std::string& filterName) {
    auto added = addTcBpfFilter(ifindex, ingress, kTcPriority, program, filterName);
    if (added) {
        return *added;
    }
    const std::string where = name + " " + directionName(ingress);
    const TcRefusal& refusal = added.error();
    if (refusal.error == EINVAL || refusal.error == EEXIST) {
        if (const std::string holder = occupant(ifindex, ingress); !holder.empty()) {
            return fail("cannot count on " + where + ": another program's " + holder +
                            " holds tc priority " + std::to_string(kTcPriority) + " there",
                        "see it with `tc filter show dev " + name + " " + directionName(ingress) +
                            "`; remove it, or leave " + name + " unmonitored");
        }
    }
    if (refusal.error == 0) {
        return fail("cannot attach the eBPF counter to " + where + ": " + refusal.reason);
    }
    Error error = loadError("cannot attach the eBPF counter to " + where, refusal.error);
    if (refusal.error != EPERM && refusal.error != EACCES) {
        error.message += " (" + refusal.reason + ")";
    }
    return tl::unexpected(error);
}

}  // namespace

Result<std::unique_ptr<TcFilters>> TcFilters::attach(std::shared_ptr<const NetNamespace> ns,
                                                     int ifindex, const std::string& name,
                                                     FlowCounter::Programs programs,
                                                     const LoaderIdentity& loader) {
    markLibbpfMessages();
    bpf_tc_hook hook{};
    hook.sz = sizeof hook;
    hook.ifindex = ifindex;
    hook.attach_point = BPF_TC_INGRESS;
    if (const int error = bpf_tc_hook_create(&hook); error != 0 && error != -EEXIST) {
        return tl::unexpected(
            loadError("cannot add the clsact qdisc to " + name + " for eBPF counting", -error));
    }
    const auto ingress =
        attachOne(ifindex, name, true, programs.ingress, filterName(programs.ingressName, loader));
    if (!ingress) {
        return tl::unexpected(ingress.error());
    }
    const auto egress =
        attachOne(ifindex, name, false, programs.egress, filterName(programs.egressName, loader));
    if (!egress) {
        removeIfStillThere(ifindex, true, *ingress);
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
        removeIfStillThere(m_ifindex, true, m_ingress);
        removeIfStillThere(m_ifindex, false, m_egress);
    });
}

bool removeIfStillThere(int ifindex, bool ingress, const TcFilter& filter) {
    const auto listed = listTcFilters(ifindex, ingress);
    if (!listed) {
        return false;
    }
    for (const TcFilter& present : *listed) {
        if (present.handle == filter.handle && present.priority == filter.priority &&
            present.kind == filter.kind && present.name == filter.name) {
            return deleteTcFilter(ifindex, ingress, present).has_value();
        }
    }
    return false;
}

}  // namespace netmon::capture
