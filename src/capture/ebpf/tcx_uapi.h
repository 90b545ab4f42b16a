// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace netmon::capture {

// The kernel's TCX numbers (include/uapi/linux/bpf.h, Linux 6.6+). Debian 12 builds against
// Linux 6.1's headers and libbpf 1.1, which name none of them, so they are spelled out here
// once; they are kernel ABI and never change. The links are made with plain
// bpf_link_create().
inline constexpr std::uint32_t kBpfTcxIngress = 46;   // enum bpf_attach_type: BPF_TCX_INGRESS
inline constexpr std::uint32_t kBpfTcxEgress = 47;    // BPF_TCX_EGRESS
inline constexpr std::uint32_t kBpfLinkTypeTcx = 11;  // enum bpf_link_type: BPF_LINK_TYPE_TCX
// BPF_F_BEFORE with no relative program: in front of every program already on the hook.
inline constexpr std::uint32_t kBpfFBefore = 1U << 3;

}  // namespace netmon::capture
