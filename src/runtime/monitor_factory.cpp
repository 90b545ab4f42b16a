// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/monitor_factory.h"

#include "core/captured_flow_source.h"
#include "core/flow_pipeline.h"
#include "core/host_name_resolver.h"
#include "core/sources/interface_source.h"
#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"
#include "platform/reverse_lookup.h"
#include "platform/source_factories.h"
#include "runtime/capture_availability.h"

namespace netmon::runtime {

MonitorSetup makeMonitor(const Config& config, SnapshotDetail detail) {
    MonitorSetup setup;
    const std::vector<std::string> interfaces = interfacesToCapture(config);
    EngineChoice choice = chooseEngine(config.captureMode, interfaces);
    setup.mode = choice.decision;
    std::unique_ptr<SocketSource> flows =
        choice.engine ? std::make_unique<CapturedFlowSource>(std::move(choice.engine),
                                                             makeSocketSource(), interfaces)
                      : makeSocketSource();

    setup.monitor = std::make_unique<Monitor>(makeInterfaceSource());
    setup.monitor->setFlowPipeline(std::make_unique<FlowPipeline>(
        std::move(flows), makeProcessSource(),
        detail == SnapshotDetail::Full
            ? std::make_shared<HostNameResolver>(HostNameResolver::Options{}, reverseLookup)
            : nullptr,
        setup.mode.mode, detail));
    setup.monitor->applyConfig(config);  // after the pipeline, which takes the privacy settings
    return setup;
}

}  // namespace netmon::runtime
