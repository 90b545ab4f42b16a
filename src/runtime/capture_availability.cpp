// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/capture_availability.h"

#include "capture/ebpf/ebpf_capture_engine.h"
#include "capture/pcap/pcap_capture_engine.h"
#include "core/permissions.h"

namespace netmon::runtime {

CaptureAvailability captureAvailability() {
    CaptureAvailability availability;
    availability.pcapBuiltIn = capture::pcapBuiltIn();
    availability.ebpfBuiltIn = capture::ebpfBuiltIn();
    availability.permissions = probePermissions();
    return availability;
}

Result<std::unique_ptr<CaptureEngine>> makeCaptureEngine(CaptureBackend backend) {
    if (backend == CaptureBackend::Pcap) {
        if (auto allowed = capture::probePcapPermission(); !allowed) {
            return tl::unexpected(allowed.error());
        }
        if (auto engine = capture::makePcapCaptureEngine()) {
            return engine;
        }
        return fail("deep capture with libpcap is not built into this version of netmon");
    }
    if (auto allowed = capture::probeEbpf(); !allowed) {
        return tl::unexpected(allowed.error());
    }
    return capture::makeEbpfCaptureEngine();  // loads the programs: the verifier has its say
}

EngineChoice chooseEngine(CaptureMode requested) {
    EngineChoice choice;
    choice.decision = chooseMode(requested, captureAvailability());
    std::vector<std::string> errors;
    for (const CaptureBackend backend : choice.decision.backends) {
        auto engine = makeCaptureEngine(backend);
        if (engine) {
            choice.engine = std::move(*engine);
            choice.decision.running = backend;
            return choice;
        }
        errors.push_back(std::string(toString(backend)) + ": " + engine.error().describe());
    }
    if (choice.decision.mode == MonitoringMode::Deep) {
        choice.decision = fallBackToBasic(errors);
    }
    return choice;
}

}  // namespace netmon::runtime
