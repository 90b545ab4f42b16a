// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/flow_counter_maps.h"
#include "capture/ebpf/net_namespace.h"
#include "core/result.h"

namespace netmon::capture {

// Where our filters sit on every interface: a fixed handle ("NM") and priority, so that a later
// run finds them (leftover_filters.h). Priority 1: counted before other filters can redirect or
// drop a received frame the interface has already counted.
inline constexpr std::uint32_t kTcHandle = 0x4e4d;
inline constexpr std::uint32_t kTcPriority = 1;

// Our two tc filters on one interface (clsact ingress and egress, kTcHandle/kTcPriority, direct
// action). Removed on destruction — in the
// interface's namespace, and only while they still hold our programs.
class TcFilters {
public:
    // Attaches in the calling thread's namespace, which `ns` must be. A filter already in our
    // place is replaced only when a killed run left it; a live engine's is an error.
    static Result<std::unique_ptr<TcFilters>> attach(std::shared_ptr<const NetNamespace> ns,
                                                     int ifindex, const std::string& name,
                                                     FlowCounter::Programs programs);
    ~TcFilters();
    TcFilters(const TcFilters&) = delete;
    TcFilters& operator=(const TcFilters&) = delete;

    // The interface is gone (and its filters with it): nothing to remove.
    void forget() { m_attached = false; }

private:
    TcFilters(std::shared_ptr<const NetNamespace> ns, int ifindex, std::uint32_t ingressId,
              std::uint32_t egressId)
        : m_ns(std::move(ns)), m_ifindex(ifindex), m_ingressId(ingressId), m_egressId(egressId) {}

    std::shared_ptr<const NetNamespace> m_ns;
    int m_ifindex;
    std::uint32_t m_ingressId;
    std::uint32_t m_egressId;
    bool m_attached = true;
};

// In the calling thread's namespace: the id of the program in our filter place on `ifindex`
// (nullopt when there is no such filter), and its removal.
std::optional<std::uint32_t> programInOurPlace(int ifindex, bool ingress);
bool detachOurPlace(int ifindex, bool ingress);

}  // namespace netmon::capture
