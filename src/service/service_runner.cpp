// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/service_runner.h"

#include "core/lock_holder.h"
#include "core/visible_text.h"
#include "platform/paths.h"
#include "platform/process_resources.h"
#include "runtime/config_file.h"
#include "service/own_files.h"
#include "storage/snapshot_samples.h"

namespace netmon::service {
namespace {

std::filesystem::path orDefault(const std::filesystem::path& given,
                                std::filesystem::path (*fallback)()) {
    return given.empty() ? fallback() : given;
}

// The socket's folder must let clients through (search permission); the socket's own mode says
// who may connect. Only a missing folder is made; an existing one is not changed.
Result<void> ensureSocketFolder(const std::filesystem::path& socket) {
    const std::filesystem::path folder = socket.parent_path();
    std::error_code error;
    if (folder.empty() || std::filesystem::exists(folder, error)) {
        return {};
    }
    std::filesystem::create_directories(folder, error);
    if (error) {
        return fail("cannot create " + folder.string() + ": " + error.message());
    }
    std::filesystem::permissions(folder, std::filesystem::perms(0755), error);
    return {};
}

// A group name, or a numeric group id (tests use one without an entry in /etc/group).
std::optional<std::uint32_t> groupId(const std::string& group) {
    if (!group.empty() && group.size() <= 9 &&
        group.find_first_not_of("0123456789") == std::string::npos) {
        return static_cast<std::uint32_t>(std::stoul(group));
    }
    return platform::groupIdOf(group);
}

}  // namespace

ServiceRunner::ServiceRunner(ServiceOptions options, std::ostream& log)
    : m_options(std::move(options)), m_log(log) {
    m_options.config = orDefault(m_options.config, serviceConfigPath);
    m_options.socket = orDefault(m_options.socket, serviceSocketPath);
}

ServiceRunner::~ServiceRunner() {
    stop();
}

void ServiceRunner::log(const std::string& line) const {
    const std::lock_guard lock(m_mutex);
    m_log << "netmond: " << visibleText(line) << std::endl;
}

Result<void> ServiceRunner::start() {
    m_started = std::chrono::system_clock::now();
    for (auto step : {&ServiceRunner::loadSettings, &ServiceRunner::openHistory}) {
        if (auto done = (this->*step)(); !done) {
            return done;
        }
    }
    m_monitor = runtime::makeMonitor(m_config, SnapshotDetail::Full);
    if (!m_monitor.mode.message.empty()) {
        log(m_monitor.mode.message);
    }
    m_monitor.monitor->subscribe([this](const Snapshot& snapshot) { record(snapshot); });
    if (auto listening = listen(); !listening) {
        return listening;
    }
    m_monitor.monitor->start();
    m_server->start();
    const ModeDecision& mode = m_monitor.mode;
    log("monitoring in " + std::string(toString(mode.mode)) + " mode" +
        (mode.mode == MonitoringMode::Deep
             ? " (" + std::string(toString(mode.running)) +
                   (mode.runningDetail.empty() ? "" : ": " + mode.runningDetail) + ")"
             : "") +
        " every " + std::to_string(m_monitor.monitor->interval().count()) + " ms; history in " +
        m_databasePath.string() + "; clients at " + m_options.socket.string());
    return {};
}

Result<void> ServiceRunner::loadSettings() {
    if (auto safe = secureIfServiceDefault(m_options.config, serviceConfigPath(), {""},
                                           [this](const std::string& note) { log(note); });
        !safe) {
        return safe;
    }
    const auto location = m_options.config == serviceConfigPath() ? runtime::ConfigLocation::Default
                                                                  : runtime::ConfigLocation::Given;
    LoadedConfig loaded = runtime::loadConfig(m_options.config, location);
    for (const std::string& warning : loaded.warnings) {
        log("settings: " + warning);
    }
    if (loaded.refused) {
        return tl::unexpected(*loaded.refused);
    }
    m_config = std::move(loaded.config);
    return {};
}

Result<void> ServiceRunner::openHistory() {
    m_databasePath = !m_options.database.empty()      ? m_options.database
                     : !m_config.databasePath.empty() ? m_config.databasePath
                                                      : serviceDatabasePath();
    if (auto safe = secureIfServiceDefault(m_databasePath, serviceDatabasePath(),
                                           {"", "-wal", "-shm", "-journal", ".lock"},
                                           [this](const std::string& note) { log(note); });
        !safe) {
        return safe;
    }
    storage::HistoryWriter::Options options;
    options.path = m_databasePath;
    options.defaultPath = serviceDatabasePath();
    options.retention.retentionDays = m_config.retentionDays;
    options.retention.breakdownTopN = static_cast<std::size_t>(m_config.historyTopN);
    options.program = "netmond";
    std::vector<std::string> warnings;
    auto writer = storage::HistoryWriter::open(options, warnings);
    for (const std::string& warning : warnings) {
        log(warning);
    }
    if (!writer && writer.error().locked) {
        return fail("history at " + m_databasePath.string() + " is recorded by " +
                        describeLockHolder(writer.error().holder),
                    "one program records a database: stop it, or give netmond another --db");
    }
    if (!writer) {
        return tl::unexpected(static_cast<const Error&>(writer.error()));
    }
    m_history = std::move(*writer);
    return {};
}

Result<void> ServiceRunner::listen() {
    if (auto folder = ensureSocketFolder(m_options.socket); !folder) {
        return folder;
    }
    platform::ListenOptions listenOptions;
    listenOptions.mode = m_options.socketMode;
    if (platform::localGroupsApply()) {
        listenOptions.group = groupId(m_options.group);
        if (!listenOptions.group) {
            log("there is no group " + m_options.group +
                ": only administrators see every user's flows");
        }
    }
    auto listener = platform::LocalListener::listen(m_options.socket, listenOptions);
    if (!listener) {
        return tl::unexpected(listener.error());
    }
    m_services = std::make_unique<SessionServices>(
        SessionServices{m_hub, m_databasePath, listenOptions.group, m_options.group,
                        [this] { return describe(); }, [this] { return health(); },
                        [this] {
                            const std::lock_guard lock(m_mutex);
                            return m_config;
                        },
                        [this](const Config& config) { return changeSettings(config); }});
    m_server = std::make_unique<Server>(std::move(*listener), *m_services);
    return {};
}

void ServiceRunner::record(const Snapshot& snapshot) {
    for (const std::string& warning : snapshot.warnings) {
        log(warning);
    }
    bool storeHosts = true;
    {
        const std::lock_guard lock(m_mutex);
        storeHosts = m_config.privacy.storeHostHistory;
    }
    m_history->append(storage::samplesFromSnapshot(snapshot));
    m_history->append(storage::breakdownSamplesFromSnapshot(snapshot, storeHosts));
    const storage::WriterStatus status = m_history->status();
    if (status.healthy != m_historyHealthy) {
        m_historyHealthy = status.healthy;
        log(status.healthy ? "history writes work again; nothing was lost"
                           : "history is not being written: " + status.lastError);
    }
    m_hub.publish(snapshot);
}

nlohmann::json ServiceRunner::describe() const {
    return {{"version", NETMON_VERSION},
            {"mode", std::string(toString(m_monitor.mode.mode))},
            {"capture_engine", std::string(toString(m_monitor.mode.running))},
            {"mode_note", m_monitor.mode.message},
            {"interval_ms", m_monitor.monitor->interval().count()}};
}

nlohmann::json ServiceRunner::health() const {
    const ProcessResources resources = ownProcessResources();
    const storage::WriterStatus history = m_history->status();
    nlohmann::json drops = nullptr;  // unknown in basic mode, not 0
    if (const auto latest = m_hub.latest(); latest && !latest->capture.empty()) {
        std::uint64_t total = 0;
        for (const CaptureInterfaceStats& stats : latest->capture) {
            total += stats.kernelDrops;
        }
        drops = total;
    }
    const auto optional = [](const auto& value) {
        return value ? nlohmann::json(*value) : nlohmann::json();
    };
    nlohmann::json members = describe();
    members["started"] =
        std::chrono::duration_cast<std::chrono::seconds>(m_started.time_since_epoch()).count();
    members["capture_dropped_packets"] = drops;
    members["cpu_seconds"] = optional(resources.cpuSeconds);
    members["resident_bytes"] = optional(resources.residentBytes);
    members["history"] = {
        {"database", m_databasePath.string()},       {"healthy", history.healthy},
        {"last_error", history.lastError},           {"pending_samples", history.pendingSamples},
        {"samples_written", history.samplesWritten}, {"samples_dropped", history.samplesDropped}};
    return members;
}

Result<std::vector<std::string>> ServiceRunner::changeSettings(const Config& config) {
    if (auto saved = runtime::saveConfig(config, m_options.config); !saved) {
        return tl::unexpected(saved.error());
    }
    std::vector<std::string> later;
    {
        const std::lock_guard lock(m_mutex);
        if (config.captureMode != m_config.captureMode) {
            later.emplace_back("capture_mode takes effect when netmond restarts");
        }
        if (config.retentionDays != m_config.retentionDays ||
            config.historyTopN != m_config.historyTopN ||
            config.databasePath != m_config.databasePath) {
            later.emplace_back("history settings take effect when netmond restarts");
        }
        m_config = config;
    }
    m_monitor.monitor->applyConfig(config);
    log("settings changed and saved to " + m_options.config.string());
    return later;
}

void ServiceRunner::stop() {
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
    m_hub.close();
    if (m_monitor.monitor) {
        m_monitor.monitor->stop();
        m_monitor.monitor->tick();  // the traffic since the last tick, so stopping loses nothing
        m_monitor.monitor.reset();  // ends capture: deep mode's filters are removed here
    }
    if (m_history) {
        if (auto flushed = m_history->flush(); !flushed) {
            log("history: " + flushed.error().describe());
        }
        log(std::to_string(m_history->status().samplesWritten) + " samples written to " +
            m_databasePath.string());
        m_history.reset();
    }
}

}  // namespace netmon::service
