// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mode_selection.h"

namespace netmon {
namespace {

// "root or CAP_BPF…: uid 1000; … — fix: sudo setcap …" for each failed check that matters.
std::string missingChecks(const PermissionReport& report) {
    std::string out;
    for (const PermissionCheck& check : report.checks) {
        if (check.passed || check.hint.empty() ||
            check.name.find("optional") != std::string::npos ||
            check.name.find("informational") != std::string::npos) {
            continue;
        }
        out += (out.empty() ? "" : "; ") + check.name + " is missing (" + check.detail + ") — " +
               check.hint;
    }
    return out;
}

}  // namespace

std::string_view toString(CaptureBackend backend) {
    switch (backend) {
        case CaptureBackend::Ebpf:
            return "ebpf";
        case CaptureBackend::Pcap:
            return "libpcap";
        case CaptureBackend::None:
            break;
    }
    return "none";
}

ModeDecision chooseMode(CaptureMode requested, const CaptureAvailability& availability) {
    ModeDecision decision;
    if (requested == CaptureMode::Basic) {
        return decision;
    }
    const PermissionReport& permissions = availability.permissions;
    if (availability.ebpfBuiltIn && permissions.ebpfPossible) {
        decision.backends.push_back(CaptureBackend::Ebpf);
    }
    if (availability.pcapBuiltIn && permissions.pcapPossible) {
        decision.backends.push_back(CaptureBackend::Pcap);
    }
    if (!decision.backends.empty()) {
        decision.mode = MonitoringMode::Deep;
        return decision;
    }
    decision.fellBack = true;
    if (!availability.ebpfBuiltIn && !availability.pcapBuiltIn) {
        decision.message =
            "Basic mode: deep capture (eBPF or libpcap) is not built into this version of "
            "netmon.";
        return decision;
    }
    const std::string missing = missingChecks(permissions);
    decision.message =
        "Basic mode: deep mode (every packet counted per flow) needs admin "
        "rights" +
        (missing.empty() ? std::string(".") : ": " + missing + ".");
    return decision;
}

ModeDecision fallBackToBasic(const std::vector<std::string>& errors) {
    ModeDecision basic;
    basic.fellBack = true;
    basic.message = "Basic mode: deep capture could not start";
    for (std::size_t i = 0; i < errors.size(); ++i) {
        basic.message += (i == 0 ? ": " : "; ") + errors[i];
    }
    basic.message += ".";
    return basic;
}

}  // namespace netmon
