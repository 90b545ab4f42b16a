// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/flow_counter.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <cerrno>

#include "capture/ebpf/libbpf_log.h"
#include "capture/ebpf/load_errors.h"

// bpftool's generated C: C-style casts and designated initialisers in a C++ file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include "flow_counter.skel.h"
#pragma GCC diagnostic pop

namespace netmon::capture {

void FlowCounter::Destroy::operator()(flow_counter_bpf* skeleton) const {
    flow_counter_bpf__destroy(skeleton);
}

Result<std::unique_ptr<FlowCounter>> FlowCounter::load(std::size_t flowCapacity,
                                                       const kernel::netmon_loader& stamp) {
    routeLibbpfMessages();
    markLibbpfMessages();
    std::unique_ptr<flow_counter_bpf, Destroy> skeleton(flow_counter_bpf__open());
    if (!skeleton) {
        return tl::unexpected(loadError("cannot open the eBPF flow counter", errno));
    }
    if (const int error = bpf_map__set_max_entries(skeleton->maps.netmon_flows,
                                                   static_cast<std::uint32_t>(flowCapacity));
        error != 0) {
        return tl::unexpected(loadError("cannot size the eBPF flow map", -error));
    }
    if (const int error = flow_counter_bpf__load(skeleton.get()); error != 0) {
        return tl::unexpected(loadError("cannot load the eBPF flow counter", -error));
    }
    const std::uint32_t zero = 0;
    if (bpf_map_update_elem(bpf_map__fd(skeleton->maps.netmon_loader), &zero, &stamp, BPF_ANY) !=
        0) {
        return tl::unexpected(loadError("cannot stamp the eBPF flow counter", errno));
    }
    return std::unique_ptr<FlowCounter>(new FlowCounter(std::move(skeleton), flowCapacity));
}

FlowCounter::~FlowCounter() = default;

FlowCounter::Programs FlowCounter::programs(bool ethernetHeader) const {
    const auto& progs = m_skeleton->progs;
    bpf_program* in = ethernetHeader ? progs.netmon_in_eth : progs.netmon_in_ip;
    bpf_program* out = ethernetHeader ? progs.netmon_out_eth : progs.netmon_out_ip;
    return {bpf_program__fd(in), bpf_program__fd(out), bpf_program__name(in),
            bpf_program__name(out)};
}

int FlowCounter::flowMap() const {
    return bpf_map__fd(m_skeleton->maps.netmon_flows);
}

int FlowCounter::interfaceMap() const {
    return bpf_map__fd(m_skeleton->maps.netmon_ifaces);
}

}  // namespace netmon::capture
