// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/feed_setup.h"

#include "platform/service_installation.h"
#include "protocol/service_client.h"
#include "runtime/monitor_factory.h"

namespace netmon::gui {

ModeDecision serviceModeDecision(const protocol::ServiceInfo& info) {
    ModeDecision decision;
    decision.mode = info.mode;
    decision.running = info.captureEngine;
    decision.message = info.modeNote;
    decision.fellBack = info.mode == MonitoringMode::Basic && !info.modeNote.empty();
    return decision;
}

FeedSetup makeFeed(const Config& config, const std::optional<std::filesystem::path>& socket) {
    FeedSetup setup;
    if (socket) {
        auto client = protocol::ServiceClient::connect(*socket, kServiceConnectTimeout);
        if (client) {
            const protocol::ServiceInfo& info = client->info();
            setup.mode = serviceModeDecision(info);
            setup.source.kind = DataSource::Kind::Service;
            setup.source.mode = info.mode;
            setup.source.fullAccess = info.fullAccess;
            setup.source.socket = socket->string();
            setup.service = std::make_unique<protocol::ServiceFeed>(info);
            return setup;
        }
        setup.source.serviceProblem = client.error().describe();
        setup.source.socket = socket->string();
    } else {
        setup.source.serviceProblem = "not asked (--no-service)";
    }
    const ServiceInstallation installation = serviceInstallation();
    setup.source.serviceInstalled = installation.installed;
    setup.source.startHint = installation.startHint;
    runtime::MonitorSetup monitor = runtime::makeMonitor(config);
    setup.monitor = std::move(monitor.monitor);
    setup.mode = std::move(monitor.mode);
    setup.source.kind = DataSource::Kind::InProcess;
    setup.source.mode = setup.mode.mode;
    return setup;
}

}  // namespace netmon::gui
