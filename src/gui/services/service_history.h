// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "protocol/history_access.h"
#include "protocol/service_client.h"
#include "storage/history_types.h"

namespace netmon::gui {

// The service's totals for today, and the time of the last tick they hold.
struct ServiceUsage {
    std::vector<storage::UsageTotals> usage;
    storage::TimePoint readAt;
    storage::TimePoint coveredUntil;
};

// The app's questions to the service's history, on a connection of its own (the storage
// worker's thread; blocking). A failed call drops the connection and the next one connects
// again, so a restarted service is picked up.
class ServiceHistory {
public:
    explicit ServiceHistory(std::filesystem::path socket);
    ~ServiceHistory();

    // The connection's history reader; null with `error` set when the service does not answer.
    protocol::HistoryAccess* access(std::string& error);
    // Today's totals with the last tick they hold: the newest raw row read before and after
    // them is the same (the service writes ticks and totals in one transaction), so no tick is
    // both in the totals and after `coveredUntil`.
    Result<ServiceUsage> usage();
    // The service's settings, as its settings file holds them.
    Result<LoadedConfig> settings();
    // Replaces them (members of the service's group and administrators only); returns what the
    // service had to say, e.g. which change waits for its restart.
    Result<std::vector<std::string>> changeSettings(const Config& config);
    // After a failed call: the next one connects again.
    void reset();

private:
    Result<std::optional<storage::TimePoint>> lastTick(storage::TimePoint since);

    std::filesystem::path m_socket;
    std::unique_ptr<protocol::ServiceClient> m_client;
    std::unique_ptr<protocol::HistoryAccess> m_access;  // reads through m_client
};

}  // namespace netmon::gui
