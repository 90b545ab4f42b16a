// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor_factory.h"

#include "core/sources/interface_source.h"

namespace netmon {

std::unique_ptr<Monitor> makeMonitor(const Config& config) {
    auto monitor = std::make_unique<Monitor>(makeInterfaceSource());
    monitor->applyConfig(config);
    return monitor;
}

}  // namespace netmon
