// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/flow_key.h"

namespace netmon {

// Deep mode: one flow's cumulative counters since the capture engine first saw it, seen from
// this machine: "in" is traffic received on an interface, "out" traffic sent.
//
// Bytes are wire bytes: the frame length as the interface counts it (Ethernet header
// included, no FCS), so that the flows of an interface plus its "other" bucket
// (UnflowedTraffic) add up to the interface's own counters exactly.
struct CapturedFlow {
    FlowKey key;  // local/remote as the packet's direction says; ports 0 for ICMP
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t packetsIn = 0;
    std::uint64_t packetsOut = 0;
    std::optional<std::uint32_t> pid;  // where the engine can tell the sending/receiving process
    std::string command;               // the process's short name, when pid is set
};

}  // namespace netmon
