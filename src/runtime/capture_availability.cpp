// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/capture_availability.h"

#include "capture/ebpf/ebpf_capture_engine.h"
#include "capture/pcap/pcap_capture_engine.h"
#include "core/flow_pipeline.h"
#include "core/sources/interface_source.h"
#include "platform/permissions.h"
#include "platform/source_factories.h"

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

EngineChoice chooseEngine(CaptureMode requested, const std::vector<std::string>& interfaces) {
    EngineChoice choice;
    choice.decision = chooseMode(requested, captureAvailability());
    std::vector<std::string> errors;
    for (const CaptureBackend backend : choice.decision.backends) {
        auto engine = makeCaptureEngine(backend);
        // An engine that counts on none of the interfaces would report deep mode and zeros.
        // Its warnings about the ones it skipped come with its first reading.
        if (engine) {
            if (auto attached = (*engine)->setInterfaces(interfaces); !attached) {
                engine = tl::unexpected(attached.error());
            }
        }
        if (engine) {
            choice.engine = std::move(*engine);
            choice.decision.running = backend;
            choice.decision.runningDetail = choice.engine->detail();
            if (!errors.empty()) {
                choice.decision.message = "Deep mode with " + std::string(toString(backend)) +
                                          " (" + errors.front() + ").";
            }
            return choice;
        }
        errors.push_back(std::string(toString(backend)) + ": " + engine.error().describe());
    }
    if (choice.decision.mode == MonitoringMode::Deep) {
        choice.decision = fallBackToBasic(errors);
    }
    return choice;
}

std::vector<std::string> interfacesToCapture(const Config& config) {
    auto interfaces = makeInterfaceSource()->read();
    if (!interfaces) {
        return {};
    }
    return netmon::interfacesToCapture(*interfaces, config.monitoredInterfaces);
}

}  // namespace netmon::runtime
