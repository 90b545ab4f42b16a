// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/flow_key.h"
#include "core/result.h"

namespace netmon {

// Deep mode: every packet on the monitored interfaces counted per 5-tuple by a capture engine
// (eBPF in the kernel, or libpcap/Npcap in user space).
//
// Bytes are wire bytes: the frame length as the interface counts it (Ethernet header
// included, no FCS), so that the flows of an interface plus its "other" bucket add up to the
// interface's own counters exactly.

// One flow's cumulative counters since the engine first saw it, seen from this machine:
// "in" is traffic received on an interface, "out" traffic sent.
struct CapturedFlow {
    FlowKey key;  // local/remote as the packet's direction says; ports 0 for ICMP
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t packetsIn = 0;
    std::uint64_t packetsOut = 0;
    std::optional<std::uint32_t> pid;  // where the engine can tell the sending/receiving process
    std::string command;               // the process's short name, when pid is set
};

// Counters of an interface's traffic that has no flow: non-IP frames (ARP, LLDP…), frames the
// parser could not read (truncated or malformed), and frames that found the flow table full of
// active flows — counted, never dropped.
struct UnflowedTraffic {
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t packetsIn = 0;
    std::uint64_t packetsOut = 0;
    std::uint64_t malformedPackets = 0;  // of the above, frames the parser refused
};

struct CaptureInterfaceStats {
    std::string interfaceName;
    UnflowedTraffic other;
    std::uint64_t kernelDrops = 0;  // packets the capture lost (libpcap ps_drop); 0 for eBPF
};

struct CaptureReading {
    std::vector<CapturedFlow> flows;  // cumulative; a flow is evicted only when idle
    std::vector<CaptureInterfaceStats> interfaces;
    std::vector<std::string> warnings;  // e.g. "flow table full: 12 idle flows evicted"
};

// A running capture on a set of interfaces. Counters only grow; the caller takes deltas.
class CaptureEngine {
public:
    virtual ~CaptureEngine() = default;
    // Attaches to these interfaces (and detaches from others), e.g. when interfaces come and go.
    virtual Result<void> setInterfaces(const std::vector<std::string>& names) = 0;
    virtual Result<CaptureReading> read() = 0;
    [[nodiscard]] virtual std::string_view name() const = 0;  // "ebpf", "libpcap", "npcap"
};

}  // namespace netmon
