// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <tl/expected.hpp>

#include "capture/ebpf/flow_counter.h"
#include "core/result.h"
#include "platform/linux/unique_fd.h"

namespace netmon::capture {

// Our two programs on one interface's TCX hooks (Linux 6.6+): bpf links, each in front of the
// programs already there (so we count a frame before another program drops or redirects it),
// none of them replaced; each runs the next as our programs return TCX_NEXT (TC_ACT_UNSPEC),
// and the hook's clsact filters run after them. The kernel removes a link when its last file
// descriptor closes, so a killed process leaves nothing behind; closing them is all the
// destructor does, from any thread and namespace.
class TcxLinks {
public:
    struct Refusal {
        int error = 0;  // the errno of bpf_link_create
        Error described;
    };
    // In the calling thread's namespace (where `ifindex` is looked up).
    static tl::expected<std::unique_ptr<TcxLinks>, Refusal> attach(int ifindex,
                                                                   const std::string& name,
                                                                   FlowCounter::Programs programs);

    // Whether bpf_link_create's `error` means that the kernel has no TCX (before 6.6, or
    // without CONFIG_NET_XGRESS): it then knows neither the attach type nor the link.
    static bool meansNoTcx(int error);

private:
    TcxLinks(linux_platform::UniqueFd ingress, linux_platform::UniqueFd egress)
        : m_ingress(std::move(ingress)), m_egress(std::move(egress)) {}

    linux_platform::UniqueFd m_ingress;
    linux_platform::UniqueFd m_egress;
};

}  // namespace netmon::capture
