// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands/one_shot_sample.h"

#include <thread>

#include "cli/context.h"
#include "cli/source_provider.h"
#include "protocol/service_client.h"
#include "runtime/monitor_factory.h"

namespace netmon::cli {

Snapshot sampleOnce(const Context& context, std::chrono::milliseconds sample) {
    if (protocol::ServiceClient* service = context.service()) {
        // The service has been sampling all along: its latest tick already has rates.
        auto snapshot = service->snapshot();
        if (snapshot) {
            for (const std::string& warning : snapshot->warnings) {
                context.reportWarning(warning);
            }
            return std::move(*snapshot);
        }
        context.reportWarning("netmond: " + snapshot.error().describe() +
                              "; sampling in-process instead");
    }
    const Config& config = context.config();
    const runtime::MonitorSetup setup = context.sources().makeMonitor(config, SnapshotDetail::Full);
    if (config.captureMode == CaptureMode::Deep) {
        context.reportModeFallback(setup.mode);  // asked for explicitly: say why it is not running
    }
    Monitor* monitor = setup.monitor.get();
    Snapshot snapshot = monitor->tick();
    if (sample.count() > 0) {
        std::this_thread::sleep_for(sample);
        snapshot = monitor->tick();
    }
    for (const std::string& warning : snapshot.warnings) {
        context.reportWarning(warning);
    }
    return snapshot;
}

}  // namespace netmon::cli
