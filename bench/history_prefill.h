// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

#include "storage/history_types.h"

namespace netmon::bench {

inline constexpr int kInterfaces = 5;
inline constexpr int kDays = 30;

inline std::string interfaceName(int index) {
    return "eth" + std::to_string(index);
}

struct PrefilledHistory {
    std::filesystem::path path;
    storage::TimePoint now;  // the end of the recorded span
};

// A database as 30 days of 1 Hz sampling of 5 interfaces leaves it: minute, hour and day
// rollups over 30 days and raw rows for the last 24 hours. Built once, on first use.
const PrefilledHistory& prefilledHistory();

}  // namespace netmon::bench
