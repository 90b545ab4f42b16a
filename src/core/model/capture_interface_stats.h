// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "core/model/unflowed_traffic.h"

namespace netmon {

// Deep mode: what the capture engine counted on one interface beside its flows.
struct CaptureInterfaceStats {
    std::string interfaceName;
    UnflowedTraffic other;
    std::uint64_t kernelDrops = 0;  // packets the capture lost (libpcap ps_drop); 0 for eBPF
};

}  // namespace netmon
