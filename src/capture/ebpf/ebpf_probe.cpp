// SPDX-License-Identifier: GPL-3.0-or-later
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "capture/ebpf/libbpf_log.h"
#include "capture/ebpf/load_errors.h"
#include "platform/linux/unique_fd.h"

namespace netmon::capture {
namespace {

bool hasNetAdmin() {
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
    if (::syscall(SYS_capget, &header, data) != 0) {
        return false;
    }
    return (data[CAP_NET_ADMIN / 32].effective & (1U << (CAP_NET_ADMIN % 32))) != 0;
}

}  // namespace

bool ebpfBuiltIn() {
    return true;
}

Result<void> probeEbpf() {
    if (!kernelHasBtf()) {
        return fail("eBPF capture needs kernel BTF: /sys/kernel/btf/vmlinux is missing",
                    kEbpfBtfHint);
    }
    routeLibbpfMessages();
    markLibbpfMessages();
    const linux_platform::UniqueFd map(
        bpf_map_create(BPF_MAP_TYPE_ARRAY, "netmon_probe", 4, 4, 1, nullptr));
    if (!map.valid()) {
        return tl::unexpected(loadError("eBPF capture cannot create maps", errno));
    }
    const int tc = libbpf_probe_bpf_prog_type(BPF_PROG_TYPE_SCHED_CLS, nullptr);
    if (tc < 0) {
        return tl::unexpected(loadError("eBPF capture cannot load tc programs", -tc));
    }
    if (tc == 0) {
        return fail("this kernel cannot run tc eBPF programs (no CONFIG_NET_CLS_BPF?)",
                    "use the libpcap engine or basic mode");
    }
    if (!hasNetAdmin()) {
        return fail("eBPF capture needs CAP_NET_ADMIN to add tc filters", kEbpfPermissionHint);
    }
    return {};
}

}  // namespace netmon::capture
