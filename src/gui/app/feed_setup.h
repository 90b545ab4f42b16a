// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/monitor.h"
#include "gui/types/data_source.h"
#include "protocol/service_feed.h"

namespace netmon::gui {

// The app's snapshots: the service's (netmond) when it answers, else a Monitor in this
// process, exactly as without a service. One of the two is set.
struct FeedSetup {
    std::unique_ptr<protocol::ServiceFeed> service;
    std::unique_ptr<Monitor> monitor;
    ModeDecision mode;
    DataSource source;
};

// How long the app waits for the service at start: a running service answers at once; a
// missing socket fails at once; only a hung one costs this.
inline constexpr std::chrono::milliseconds kServiceConnectTimeout{1500};

// Blocking (connecting, loading a capture engine): call it off the GUI thread. `socket`: ask
// the service there first; none: never (--no-service, or it did not answer at start).
FeedSetup makeFeed(const Config& config, const std::optional<std::filesystem::path>& socket);

// The mode the service runs, as the app shows a decision of its own.
ModeDecision serviceModeDecision(const protocol::ServiceInfo& info);

}  // namespace netmon::gui
