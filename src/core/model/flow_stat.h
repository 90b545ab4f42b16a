// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/flow_key.h"

namespace netmon {

// One connection or flow with what the current mode can tell about it.
struct FlowStat {
    FlowKey key;
    std::string state;  // "ESTABLISHED", "LISTEN", … ; empty where the protocol has none
    std::optional<std::uint32_t> uid;
    std::optional<std::uint32_t> pid;  // empty: unknown (e.g. another user's process without admin)
    std::string processName;
    std::optional<std::uint64_t> bytesIn;  // empty: the mode cannot count this flow's bytes
    std::optional<std::uint64_t> bytesOut;
    std::optional<std::uint64_t> packetsIn;
    std::optional<std::uint64_t> packetsOut;
    std::optional<double> inBitsPerSecond;
    std::optional<double> outBitsPerSecond;
};

}  // namespace netmon
