// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "service/snapshot_hub.h"
#include "service/snapshot_lines.h"

namespace netmon::service {

// What a client session answers from: the service's state, shared by every session. The
// functions are called on session threads and must be safe there.
struct SessionServices {
    SnapshotHub& hub;
    std::filesystem::path databasePath;
    std::optional<std::uint32_t> group;  // members see everything
    std::string groupName;
    // hello's "mode", "mode_note", "interval_ms" and "version".
    std::function<nlohmann::json()> describe;
    std::function<nlohmann::json()> health;
    std::function<Config()> settings;
    // Checks, saves and applies new settings; the warnings say what waits for a restart.
    std::function<Result<std::vector<std::string>>(const Config&)> changeSettings;
    // Snapshot lines encoded once per tick for every full-access subscriber.
    std::shared_ptr<SnapshotLines> snapshotLines = std::make_shared<SnapshotLines>();
};

}  // namespace netmon::service
