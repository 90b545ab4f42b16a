// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace netmon {

// Deep mode: counters of an interface's traffic that has no flow: non-IP frames (ARP, LLDP…),
// frames the parser could not read (truncated or malformed), and frames that found the flow
// table full of active flows — counted, never dropped. Wire bytes, as CapturedFlow's.
struct UnflowedTraffic {
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t packetsIn = 0;
    std::uint64_t packetsOut = 0;
    std::uint64_t malformedPackets = 0;  // of the above, frames the parser refused
};

}  // namespace netmon
