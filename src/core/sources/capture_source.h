// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/sources/capture_reading.h"

namespace netmon {

// Deep mode's source: every packet on the monitored interfaces counted per 5-tuple by a capture
// engine (eBPF in the kernel, or libpcap/Npcap in user space). It sits beside the other sources
// core reads (SocketSource, InterfaceSource); CapturedFlowSource turns its readings into a
// socket table.
//
// A running capture on a set of interfaces. Counters only grow; the caller takes deltas.
class CaptureEngine {
public:
    virtual ~CaptureEngine() = default;
    // Attaches to these interfaces (and detaches from others), e.g. when interfaces come and go.
    virtual Result<void> setInterfaces(const std::vector<std::string>& names) = 0;
    virtual Result<CaptureReading> read() = 0;
    [[nodiscard]] virtual std::string_view name() const = 0;  // "ebpf", "libpcap", "npcap"
    // How it is hooked in where that varies by machine (eBPF: "TCX links" or "tc clsact
    // filters"), for `doctor` and the service's log; empty when there is nothing to add.
    [[nodiscard]] virtual std::string detail() const { return {}; }
};

}  // namespace netmon
