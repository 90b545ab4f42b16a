// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "capture/ebpf/loader_identity.h"
#include "platform/linux/proc_fs.h"

namespace netmon::capture {

// What this process can learn about other processes; the parts are injectable for tests.
struct ProcessView {
    const linux_platform::ProcFs& proc;  // start times, from <pid>/stat
    // Our pid namespace, when the /proc above shows it (nullopt: not mounted, or a /proc of
    // another pid namespace, where its pids are not ours).
    std::optional<std::uint64_t> pidNamespace;
    // Whether a pid is in use (kill(pid, 0), which hidepid does not hide): false only when
    // there is no such process; nullopt when that cannot be told.
    std::function<std::optional<bool>(std::uint32_t)> running;
};

// The view of this process: /proc, its own pid namespace, kill(pid, 0).
ProcessView thisProcessView(const linux_platform::ProcFs& proc);

// This process's identity as a loader (engine instance 0): pid, start time and pid namespace
// from /proc/self (0 where unreadable, which later runs then treat as unknown).
LoaderIdentity thisProcessIdentity();

enum class LoaderState {
    Alive,    // that process still runs
    Dead,     // provably gone: no such pid, or the pid is another process now
    Unknown,  // cannot be told (treated as alive: its filters stay)
};
struct LoaderVerdict {
    LoaderState state = LoaderState::Unknown;
    std::string reason;  // for Dead and Unknown: why, in a few words
};

// Whether the process that loaded a filter still runs. Only proof makes it dead: an unreadable
// start time (permissions, hidepid, no /proc), another pid namespace or an identity recorded
// without a start time is Unknown, never Dead. (Engines of this process are the caller's.)
LoaderVerdict judgeLoader(const LoaderIdentity& loader, const ProcessView& view);

}  // namespace netmon::capture
