// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "core/model/capture_interface_stats.h"
#include "core/sources/captured_flow.h"

namespace netmon {

// What one CaptureEngine::read() returns: every flow counted so far and, per interface, the
// traffic no flow holds.
struct CaptureReading {
    std::vector<CapturedFlow> flows;  // cumulative; a flow is evicted only when idle
    std::vector<CaptureInterfaceStats> interfaces;
    std::vector<std::string> warnings;  // e.g. "flow table full: 12 idle flows evicted"
};

}  // namespace netmon
