// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/loader_identity.h"
#include "capture/ebpf/net_namespace.h"
#include "capture/ebpf/tc_netlink.h"
#include "core/result.h"

namespace netmon::capture {

// Where our filters sit: clsact ingress and egress, priority 1 (counted before other filters
// can redirect or drop a received frame the interface has already counted), every protocol,
// direct action, each with a handle the kernel picks. Several engines (two netmon runs, the
// app and the CLI) count side by side: each filter returns TC_ACT_UNSPEC, so the next runs.
inline constexpr std::uint16_t kTcPriority = 1;
// Where netmon versions before filter names put their one filter per direction.
inline constexpr std::uint32_t kLegacyTcHandle = 0x4e4d;

// Our two tc filters on one interface, named after their loader (loader_identity.h). Removed
// on destruction — in the interface's namespace, and only while they are still ours (same
// handle, same name).
class TcFilters {
public:
    // Attaches in the calling thread's namespace, which `ns` must be.
    static Result<std::unique_ptr<TcFilters>> attach(std::shared_ptr<const NetNamespace> ns,
                                                     int ifindex, const std::string& name,
                                                     FlowCounter::Programs programs,
                                                     const LoaderIdentity& loader);
    ~TcFilters();
    TcFilters(const TcFilters&) = delete;
    TcFilters& operator=(const TcFilters&) = delete;

    // The interface is gone (and its filters with it): nothing to remove.
    void forget() { m_attached = false; }

private:
    TcFilters(std::shared_ptr<const NetNamespace> ns, int ifindex, TcFilter ingress,
              TcFilter egress)
        : m_ns(std::move(ns)),
          m_ifindex(ifindex),
          m_ingress(std::move(ingress)),
          m_egress(std::move(egress)) {}

    std::shared_ptr<const NetNamespace> m_ns;
    int m_ifindex;
    TcFilter m_ingress;
    TcFilter m_egress;
    bool m_attached = true;
};

// In the calling thread's namespace: removes `filter` if the one listed with its handle and
// priority still has its name (a filter that is not that one is never removed).
bool removeIfStillThere(int ifindex, bool ingress, const TcFilter& filter);

}  // namespace netmon::capture
