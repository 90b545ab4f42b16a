// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/loader_identity.h"
#include "capture/ebpf/net_namespace.h"
#include "capture/ebpf/tc_filters.h"
#include "capture/ebpf/tcx_links.h"
#include "core/result.h"

namespace netmon::capture {

// Our counting programs on one interface's tc hooks, the way `how` asks: TCX links (Linux
// 6.6+: no qdisc and classifier layer, and nothing outlives the process), or clsact filters.
// Auto tries TCX and takes clsact when the kernel answers that it has no TCX — its answer,
// not its version string, which backports and distribution kernels make unreliable.
class TcAttachment {
public:
    enum class Kind { Tcx, Clsact };

    // In the calling thread's namespace, which `ns` must be.
    static Result<std::unique_ptr<TcAttachment>> attach(std::shared_ptr<const NetNamespace> ns,
                                                        int ifindex, const std::string& name,
                                                        FlowCounter::Programs programs,
                                                        const LoaderIdentity& loader, TcAttach how);

    [[nodiscard]] Kind kind() const { return m_links ? Kind::Tcx : Kind::Clsact; }
    // Why clsact although TCX was tried (the kernel's refusal); empty otherwise.
    [[nodiscard]] const std::string& noTcxReason() const { return m_noTcxReason; }

    // The interface is gone, and our programs' hooks with it: nothing to remove.
    void forget();

private:
    TcAttachment(std::unique_ptr<TcxLinks> links, std::unique_ptr<TcFilters> filters,
                 std::string noTcxReason)
        : m_links(std::move(links)),
          m_filters(std::move(filters)),
          m_noTcxReason(std::move(noTcxReason)) {}

    std::unique_ptr<TcxLinks> m_links;  // one of the two
    std::unique_ptr<TcFilters> m_filters;
    std::string m_noTcxReason;
};

// "auto", "tcx", "clsact" (case as written); nothing for anything else.
std::optional<TcAttach> parseTcAttach(std::string_view text);
std::string_view toString(TcAttach how);

// NETMON_TC_ATTACH, for choosing from outside (benchmarks comparing the hooks, tests): Auto
// when unset; a value that is none of the three is Auto with a warning.
TcAttach tcAttachFromEnvironment(std::vector<std::string>& warnings);

}  // namespace netmon::capture
