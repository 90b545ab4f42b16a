// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "capture/ebpf/flow_counter_maps.h"
#include "core/result.h"

struct flow_counter_bpf;  // the skeleton bpftool generates from flow_counter.bpf.c

namespace netmon::capture {

// The tc counting programs of flow_counter.bpf.c and their maps, loaded but not attached
// (open → size the maps → load → stamp with the loader's identity). Destroying it closes the
// programs and maps; hooks still attached (tc filters, TCX links) would keep the programs
// running, so the engine destroys those first.
class FlowCounter {
public:
    static Result<std::unique_ptr<FlowCounter>> load(std::size_t flowCapacity,
                                                     const kernel::netmon_loader& stamp);
    ~FlowCounter();
    FlowCounter(const FlowCounter&) = delete;
    FlowCounter& operator=(const FlowCounter&) = delete;

    struct Programs {
        int ingress = -1;
        int egress = -1;
        const char* ingressName = "";  // e.g. "netmon_in_eth"
        const char* egressName = "";
    };
    // The programs for devices whose packets start with an Ethernet header, or with IP.
    [[nodiscard]] Programs programs(bool ethernetHeader) const;
    [[nodiscard]] int flowMap() const;
    [[nodiscard]] int interfaceMap() const;
    [[nodiscard]] std::size_t flowCapacity() const { return m_flowCapacity; }

private:
    struct Destroy {
        void operator()(flow_counter_bpf* skeleton) const;
    };
    FlowCounter(std::unique_ptr<flow_counter_bpf, Destroy> skeleton, std::size_t flowCapacity)
        : m_skeleton(std::move(skeleton)), m_flowCapacity(flowCapacity) {}

    std::unique_ptr<flow_counter_bpf, Destroy> m_skeleton;
    std::size_t m_flowCapacity;
};

}  // namespace netmon::capture
