// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/ip_address.h"

namespace netmon {

// Traffic with one remote address: every flow seen to it since monitoring started, open or
// closed (a closed flow keeps its last counted bytes).
struct HostStat {
    IpAddress address;
    std::string hostName;  // empty until (and unless) reverse DNS answers
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    double inBitsPerSecond = 0;
    double outBitsPerSecond = 0;
    std::uint32_t connections = 0;       // open now
    std::vector<std::string> processes;  // names, sorted, of processes with flows to it
};

}  // namespace netmon
