// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "core/result.h"

namespace netmon::capture {

// What to do when the kernel refuses our programs or maps: the same words wherever it happens.
inline constexpr const char* kEbpfPermissionHint =
    "run as root, or give the program CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN (sudo setcap "
    "cap_bpf,cap_perfmon,cap_net_admin+ep <program>); otherwise use basic mode or the libpcap "
    "engine";
inline constexpr const char* kEbpfBtfHint =
    "a kernel with BTF (CONFIG_DEBUG_INFO_BTF=y, as Debian and Ubuntu kernels have) is needed; "
    "otherwise use basic mode or the libpcap engine";

// `what` failed with `error` (an errno value): the message names the cause (permission, no
// BTF, the verifier's refusal with the last lines of its log since the last
// markLibbpfMessages()) and the hint what to do.
Error loadError(const std::string& what, int error);

// Whether the running kernel exposes its BTF (what CO-RE and tracing hooks need).
bool kernelHasBtf();

}  // namespace netmon::capture
