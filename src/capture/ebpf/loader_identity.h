// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netmon::capture {

// Which engine of which process put a tc filter in place. Written into the filter's own name
// (TCA_BPF_NAME), which any later run that may manage filters (CAP_NET_ADMIN) reads from a tc
// dump: no CAP_SYS_ADMIN (which opening another process's BPF maps needs), no file that
// someone must create and keep private.
struct LoaderIdentity {
    std::uint64_t pidNamespace = 0;  // inode of its pid namespace; 0: unknown
    std::uint32_t pid = 0;
    std::uint64_t startTime = 0;  // /proc/PID/stat field 22 (ticks after boot); 0: unknown
    std::uint64_t instance = 0;   // which engine of that process
    bool operator==(const LoaderIdentity&) const = default;
};

// "<program>:pid=<pid>,start=<ticks>,pidns=<inode>,instance=<n>", e.g.
// "netmon_in_eth:pid=4242,start=1234567,pidns=4026531836,instance=1" (what `tc filter show`
// prints). `program` is one of ours (netmon_*).
std::string filterName(std::string_view program, const LoaderIdentity& loader);

// The loader recorded in a filter's name; nullopt for anything not written by filterName()
// (another program's filter, or an older netmon's "<program>:[<id>]").
std::optional<LoaderIdentity> loaderOfFilterName(std::string_view name);

}  // namespace netmon::capture
