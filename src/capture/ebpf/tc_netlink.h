// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "core/result.h"
#include "platform/linux/netlink_view.h"

namespace netmon::capture {

// tc filters on an interface's clsact hook, through rtnetlink, in the calling thread's network
// namespace. Our own requests instead of libbpf's bpf_tc_attach, which names every filter
// "<program>:[<id>]": ours carry their loader in the name (loader_identity.h).

// One filter as a tc dump lists it.
struct TcFilter {
    std::uint32_t handle = 0;
    std::uint16_t priority = 0;
    std::uint16_t protocol = 0;              // ETH_P_*, host order
    std::string kind;                        // "bpf", "u32", "matchall", …
    std::string name;                        // bpf filters: TCA_BPF_NAME ("" when it has none)
    std::optional<std::uint32_t> programId;  // bpf filters running an eBPF program
};

// "0x4e4d": handles and protocols as tc spells them.
std::string hexText(std::uint32_t value);

// Every filter on one direction of the interface (none when it has no clsact qdisc).
Result<std::vector<TcFilter>> listTcFilters(int ifindex, bool ingress);

// The filters in a tc dump (RTM_NEWTFILTER messages back to back); entries without a handle
// (the per-priority headers of a dump) are left out.
Result<std::vector<TcFilter>> parseTcFilters(linux_platform::ByteSpan messages);

struct TcRefusal {
    int error = 0;       // the errno; 0 when the kernel could not be asked at all
    std::string reason;  // the kernel's words, or what failed
};

// Adds a direct-action bpf filter for every protocol at `priority`, named `name`, with a
// handle the kernel picks (so that several engines can count side by side), and returns it.
tl::expected<TcFilter, TcRefusal> addTcBpfFilter(int ifindex, bool ingress, std::uint16_t priority,
                                                 int programFd, const std::string& name);

// Removes that filter (handle, priority, protocol and kind as listed).
tl::expected<void, TcRefusal> deleteTcFilter(int ifindex, bool ingress, const TcFilter& filter);

}  // namespace netmon::capture
