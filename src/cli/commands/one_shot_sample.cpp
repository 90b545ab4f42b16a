// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands/one_shot_sample.h"

#include <thread>

#include "core/monitor_factory.h"

namespace netmon::cli {

Snapshot sampleOnce(const Config& config, std::chrono::milliseconds sample) {
    const auto monitor = makeMonitor(config);
    Snapshot snapshot = monitor->tick();
    if (sample.count() > 0) {
        std::this_thread::sleep_for(sample);
        snapshot = monitor->tick();
    }
    return snapshot;
}

}  // namespace netmon::cli
