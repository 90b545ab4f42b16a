// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>

#include "core/config.h"
#include "core/model/snapshot.h"

namespace netmon::cli {

// `--sample MS` for the one-shot listings: 0 lists what one reading shows (lifetime bytes, no
// rates); more takes a second reading that long after, for rates and resolved host names.
inline void addSampleOption(CLI::App& command, int& sampleMs) {
    command
        .add_option("--sample", sampleMs,
                    "Take a second reading after this many milliseconds, for rates and host "
                    "names (default 0: one reading, no rates)")
        ->check(CLI::Range(0, 60'000));
}

class Context;

// The snapshot of one reading (two with `sample`) of the context's monitor; its warnings are
// printed on the context's err().
Snapshot sampleOnce(const Context& context, std::chrono::milliseconds sample);

}  // namespace netmon::cli
