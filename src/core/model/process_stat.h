// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace netmon {

// Traffic of one process over its flows since monitoring started (closed flows included).
// Bytes and rates say what is not known exactly as HostStat's do: empty when none of its flows
// had counts, a lower bound when only some had (bytesComplete, ratesComplete false). Listening
// sockets carry no data themselves and leave the figures complete.
struct ProcessStat {
    std::uint32_t pid = 0;
    std::string name;
    std::string executable;
    std::optional<std::uint64_t> bytesIn;
    std::optional<std::uint64_t> bytesOut;
    bool bytesComplete = true;
    std::optional<double> inBitsPerSecond;
    std::optional<double> outBitsPerSecond;
    bool ratesComplete = true;
    std::uint32_t connections = 0;  // active flows now (see isActive)
    std::uint32_t listening = 0;    // listening sockets now
};

}  // namespace netmon
