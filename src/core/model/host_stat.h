// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/ip_address.h"

namespace netmon {

// Traffic with one remote address: every flow seen to it since monitoring started, open or
// closed (a closed flow keeps its last counted bytes).
//
// Unknown is not zero. A flow the mode cannot count (UDP in basic mode; TCP on Windows without
// admin rights) adds nothing to the sums and makes them say so:
// - bytesIn/bytesOut are empty when none of the host's flows had byte counts;
// - bytesComplete is false when any flow had none: the figures are then lower bounds (the
//   counted flows' exact sum), or empty;
// - the rates work the same way over this tick's flows (ratesComplete), and are empty on the
//   first tick, when there is no interval to divide by.
struct HostStat {
    IpAddress address;
    std::string hostName;  // empty until (and unless) reverse DNS answers
    std::optional<std::uint64_t> bytesIn;
    std::optional<std::uint64_t> bytesOut;
    bool bytesComplete = true;
    std::optional<double> inBitsPerSecond;
    std::optional<double> outBitsPerSecond;
    bool ratesComplete = true;
    std::uint32_t connections = 0;       // open now
    std::vector<std::string> processes;  // names, sorted, of processes with flows to it
};

}  // namespace netmon
