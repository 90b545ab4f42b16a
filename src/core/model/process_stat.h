// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace netmon {

// Traffic of one process over its flows since monitoring started (closed flows included).
struct ProcessStat {
    std::uint32_t pid = 0;
    std::string name;
    std::string executable;
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    double inBitsPerSecond = 0;
    double outBitsPerSecond = 0;
    std::uint32_t connections = 0;  // active flows now (see isActive)
    std::uint32_t listening = 0;    // listening sockets now
};

}  // namespace netmon
