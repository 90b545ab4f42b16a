// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

#include "core/mode_selection.h"
#include "core/result.h"
#include "core/sources/capture_source.h"

namespace netmon::runtime {

// What this build contains and what this machine allows for deep capture (cheap: no engine is
// started).
CaptureAvailability captureAvailability();

// A started-ready engine of that kind, or why it cannot run here (the engine's own probe:
// loading the eBPF program, opening a pcap handle).
Result<std::unique_ptr<CaptureEngine>> makeCaptureEngine(CaptureBackend backend);

// The mode the settings and this machine give, with its engine made: the first of the
// decision's backends that starts; none starting is basic mode with each one's reason.
struct EngineChoice {
    ModeDecision decision;
    std::unique_ptr<CaptureEngine> engine;  // null in basic mode
};
EngineChoice chooseEngine(CaptureMode requested);

}  // namespace netmon::runtime
