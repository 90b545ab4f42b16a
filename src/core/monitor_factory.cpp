// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor_factory.h"

#include "core/flow_pipeline.h"
#include "core/host_name_resolver.h"
#include "core/sources/interface_source.h"
#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"

namespace netmon {

std::unique_ptr<Monitor> makeMonitor(const Config& config) {
    auto monitor = std::make_unique<Monitor>(makeInterfaceSource());
    monitor->setFlowPipeline(std::make_unique<FlowPipeline>(
        makeSocketSource(), makeProcessSource(),
        std::make_shared<HostNameResolver>(HostNameResolver::Options{})));
    monitor->applyConfig(config);  // after the pipeline, which takes the privacy settings
    return monitor;
}

}  // namespace netmon
