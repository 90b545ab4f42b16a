// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "core/config.h"
#include "core/model/snapshot.h"
#include "core/permission_report.h"

namespace netmon {

enum class CaptureBackend { None, Ebpf, Pcap };

std::string_view toString(CaptureBackend backend);

// What this build contains and what this machine allows, as the app knows them at start.
struct CaptureAvailability {
    bool ebpfBuiltIn = false;
    bool pcapBuiltIn = false;
    PermissionReport permissions;
};

// The mode to run, the capture engines to try in order, and what to tell the user.
struct ModeDecision {
    MonitoringMode mode = MonitoringMode::Basic;
    std::vector<CaptureBackend> backends;           // to try in order (empty in basic mode)
    CaptureBackend running = CaptureBackend::None;  // the engine that started (deep mode)
    std::string runningDetail;                      // its CaptureEngine::detail() then
    // Empty when the requested mode is running; else why basic mode runs and how to get deep
    // mode ("run as root, or sudo setcap …"), for the banner, the CLI and `doctor`.
    std::string message;
    bool fellBack = false;  // deep was asked for (or auto could not get it) and basic runs
};

// auto: deep when this machine allows it, else basic with what is missing; basic: basic, no
// message; deep: deep, or basic with the same message when impossible.
ModeDecision chooseMode(CaptureMode requested, const CaptureAvailability& availability);

// After the engines were tried and none started: basic mode, saying why each failed.
ModeDecision fallBackToBasic(const std::vector<std::string>& errors);

}  // namespace netmon
