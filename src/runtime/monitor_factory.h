// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "core/config.h"
#include "core/flow_pipeline.h"
#include "core/mode_selection.h"
#include "core/monitor.h"

namespace netmon::runtime {

struct MonitorSetup {
    std::unique_ptr<Monitor> monitor;
    // The mode that runs; when it is not what the settings asked for, `message` says why and
    // how to get deep mode — for the banner, the CLI's stderr and `doctor`.
    ModeDecision mode;
};

// A Monitor wired to this OS's sources and set up from the settings: what the CLI and the GUI
// both run. Deep mode when the settings and this machine allow it (eBPF first, then
// libpcap), else basic mode with the reason — never a failure. A recorder asks for
// SnapshotDetail::TrafficOnly: under a flood of flows it then copies, sorts and names none.
MonitorSetup makeMonitor(const Config& config, SnapshotDetail detail = SnapshotDetail::Full);

}  // namespace netmon::runtime
