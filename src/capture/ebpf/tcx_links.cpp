// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/tcx_links.h"

#include <bpf/bpf.h>

#include <cerrno>

#include "capture/ebpf/libbpf_log.h"
#include "capture/ebpf/load_errors.h"
#include "capture/ebpf/tcx_uapi.h"

namespace netmon::capture {
namespace {

// The same program objects serve clsact and TCX: for tc programs (BPF_PROG_TYPE_SCHED_CLS)
// the kernel checks only the attach type asked for at link time, not the one expected at
// load (kernel/bpf/syscall.c, bpf_prog_attach_check_attach_type), and returns TC_ACT_*
// codes on both.
tl::expected<linux_platform::UniqueFd, int> link(int program, int ifindex,
                                                 std::uint32_t attachType) {
    bpf_link_create_opts options{};
    options.sz = sizeof options;
    options.flags = kBpfFBefore;
    const int fd =
        bpf_link_create(program, ifindex, static_cast<bpf_attach_type>(attachType), &options);
    if (fd < 0) {
        return tl::unexpected(-fd);  // libbpf 1.x returns -errno
    }
    return linux_platform::UniqueFd(fd);
}

}  // namespace

bool TcxLinks::meansNoTcx(int error) {
    // Before 6.6 link_create finds no program type for attach type 46 (EINVAL); before 5.7
    // there is no BPF_LINK_CREATE at all (EINVAL); ENOTSUPP (524) and EOPNOTSUPP for a kernel
    // without the hook.
    return error == EINVAL || error == EOPNOTSUPP || error == 524;
}

tl::expected<std::unique_ptr<TcxLinks>, TcxLinks::Refusal> TcxLinks::attach(
    int ifindex, const std::string& name, FlowCounter::Programs programs) {
    const auto refused = [&](const char* direction, int error) {
        return tl::unexpected(Refusal{error, loadError("cannot attach the eBPF counter to " + name +
                                                           " " + direction + " with TCX",
                                                       error)});
    };
    markLibbpfMessages();
    auto ingress = link(programs.ingress, ifindex, kBpfTcxIngress);
    if (!ingress) {
        return refused("ingress", ingress.error());
    }
    auto egress = link(programs.egress, ifindex, kBpfTcxEgress);
    if (!egress) {
        return refused("egress", egress.error());  // the ingress link closes with `ingress`
    }
    return std::unique_ptr<TcxLinks>(new TcxLinks(std::move(*ingress), std::move(*egress)));
}

}  // namespace netmon::capture
