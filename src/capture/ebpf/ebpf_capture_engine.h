// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>

#include "core/result.h"
#include "core/sources/capture_source.h"

namespace netmon::capture {

// Which socket hooks tell flows' processes (socket_owners.bpf.c): Auto takes the
// sock_send_length/sock_recv_length tracepoints where the kernel has them (6.3+), else
// fentry/fexit on the socket functions.
enum class OwnerHooks { Auto, Tracepoints, Fentry };

// How the counting programs sit on each interface's tc hooks: Auto takes TCX links where the
// kernel has them (6.6+) and clsact filters where it answers that it has not; Tcx and Clsact
// only those (tests and benchmarks compare them).
enum class TcAttach { Auto, Tcx, Clsact };

struct EbpfOptions {
    // Entries of the kernel flow map (one per interface and 5-tuple). About 145 bytes each,
    // allocated when the engine starts: 65,536 flows take 9 MiB of kernel memory.
    std::size_t flowCapacity = 65536;
    // Sockets remembered for process attribution (an LRU map: an evicted one costs a flow its
    // pid, never its bytes).
    std::size_t ownerCapacity = 16384;
    bool processAttribution = true;
    OwnerHooks ownerHooks = OwnerHooks::Auto;
    // Auto: the environment's NETMON_TC_ATTACH (auto, tcx or clsact) when it is set.
    TcAttach tcAttach = TcAttach::Auto;
    // A flow is evicted only after its counts stood still for this many reads (and only when
    // the map fills up).
    unsigned idleReadsBeforeEviction = 2;
};

// Whether this build has the eBPF engine (false: the functions below say it is missing).
bool ebpfBuiltIn();

// Deep mode's Linux engine: tc programs count every frame of the monitored interfaces per
// 5-tuple in a kernel map that read() takes each tick; no packet is copied to user space.
// Loads the programs now (not attached until setInterfaces); the error says what is missing
// (permissions, BTF) or what the kernel refused, and what to do.
Result<std::unique_ptr<CaptureEngine>> makeEbpfCaptureEngine(const EbpfOptions& options = {});

// Whether loading would work here, without loading the programs: kernel BTF, the permission
// to create BPF maps and tc programs, CAP_NET_ADMIN for the filters. Cheap (a few syscalls).
Result<void> probeEbpf();

}  // namespace netmon::capture
