// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>

#include "core/config.h"

namespace netmon::cli {

// `--interval MS` as `watch` and `record` take it; 0 (not given) means the settings' value.
inline void addIntervalOption(CLI::App& command, int& intervalMs) {
    command
        .add_option("--interval", intervalMs,
                    "Sampling interval in milliseconds, 100 to 60000 (default: the settings' "
                    "value, 1000 out of the box)")
        ->check(CLI::Range(static_cast<int>(Config::kMinSamplingInterval.count()),
                           static_cast<int>(Config::kMaxSamplingInterval.count())));
}

inline std::chrono::milliseconds intervalOrConfig(int intervalMs, const Config& config) {
    return intervalMs > 0 ? std::chrono::milliseconds{intervalMs} : config.samplingInterval;
}

}  // namespace netmon::cli
