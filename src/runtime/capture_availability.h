// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
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

// The mode the settings and this machine give, with its engine made and counting on
// `interfaces` (those deep mode takes now: interfacesToCapture()): the first of the decision's
// backends that starts and can count on at least one of them (any, when there are none yet);
// none is basic mode with each one's reason — never "deep" with nothing counted. When a later
// backend runs because an earlier one failed, the message says why.
struct EngineChoice {
    ModeDecision decision;
    std::unique_ptr<CaptureEngine> engine;  // null in basic mode
};
EngineChoice chooseEngine(CaptureMode requested, const std::vector<std::string>& interfaces);

// The interfaces deep mode counts on now with these settings, as the monitor picks them each
// tick (the settings' interface filter, then those up and not loopback); empty when the
// interfaces cannot be read (the engine then attaches on the first tick).
std::vector<std::string> interfacesToCapture(const Config& config);

}  // namespace netmon::runtime
