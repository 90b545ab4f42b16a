// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <ostream>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "runtime/monitor_factory.h"
#include "service/server.h"
#include "service/service_options.h"
#include "service/session_services.h"
#include "service/snapshot_hub.h"
#include "storage/history_writer.h"

namespace netmon::service {

// The service itself: one monitor (deep mode where it can), the one writer of its history
// database, and the socket its clients ask. start() takes the database's writer lock and the
// socket before anything samples, so a second netmond fails cleanly; stop() writes the last
// tick, then ends capture (removing deep mode's filters) and the clients.
class ServiceRunner {
public:
    ServiceRunner(ServiceOptions options, std::ostream& log);
    ~ServiceRunner();

    Result<void> start();
    void stop();

private:
    Result<void> loadSettings();
    Result<void> openHistory();
    Result<void> listen();
    void record(const Snapshot& snapshot);
    [[nodiscard]] nlohmann::json describe() const;
    [[nodiscard]] nlohmann::json health() const;
    Result<std::vector<std::string>> changeSettings(const Config& config);
    void log(const std::string& line) const;

    ServiceOptions m_options;
    std::ostream& m_log;
    mutable std::mutex m_mutex;  // the settings, and the log
    Config m_config;
    std::filesystem::path m_databasePath;
    std::unique_ptr<storage::HistoryWriter> m_history;
    bool m_historyHealthy = true;
    runtime::MonitorSetup m_monitor;
    SnapshotHub m_hub;
    std::unique_ptr<SessionServices> m_services;
    std::unique_ptr<Server> m_server;
    std::chrono::system_clock::time_point m_started;
};

}  // namespace netmon::service
