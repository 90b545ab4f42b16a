// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/storage_worker.h"

#include <QCoreApplication>
#include <chrono>

#include "core/lock_holder.h"
#include "gui/services/csv_export.h"
#include "gui/services/history_query.h"
#include "gui/services/history_recorder.h"
#include "gui/services/service_history.h"
#include "gui/services/start_at_login.h"
#include "platform/paths.h"
#include "platform/permissions.h"
#include "runtime/config_file.h"
#include "storage/history_reader.h"
#include "storage/history_writer.h"

namespace netmon::gui {

StorageWorker::StorageWorker(HistoryRecorder& recorder, QObject* parent,
                             std::chrono::milliseconds lockRetry,
                             std::chrono::milliseconds usageRefresh)
    : QObject(parent), m_recorder(recorder), m_lockRetry(this), m_usageRefresh(this) {
    m_lockRetry.setSingleShot(true);
    m_lockRetry.setInterval(lockRetry);
    connect(&m_lockRetry, &QTimer::timeout, this, &StorageWorker::openWriter);
    m_usageRefresh.setInterval(usageRefresh);
    connect(&m_usageRefresh, &QTimer::timeout, this, &StorageWorker::refreshServiceUsage);
    qRegisterMetaType<HistoryOpened>();
    qRegisterMetaType<HistoryRequest>();
    qRegisterMetaType<HistoryResult>();
    qRegisterMetaType<Config>();
    qRegisterMetaType<PermissionReport>();
}

StorageWorker::~StorageWorker() = default;

void StorageWorker::openHistory(quint64 generation, const QString& path, int retentionDays,
                                int historyTopN) {
    m_lockRetry.stop();
    m_usageRefresh.stop();
    m_service.reset();
    m_recordedBy.clear();
    m_historyTopN = historyTopN;
    m_recorder.setOpening();
    m_generation = generation;
    m_path = path.toStdString();
    m_retentionDays = retentionDays;
    m_reader.reset();
    openWriter();
}

void StorageWorker::openWriter() {
    HistoryOpened opened;
    opened.generation = m_generation;
    opened.path = m_path;
    storage::HistoryWriter::Options options;
    options.path = m_path;
    options.defaultPath = defaultDatabasePath();
    options.retention.retentionDays = m_retentionDays;
    options.retention.breakdownTopN = static_cast<std::size_t>(m_historyTopN);
    options.program = "netmon-gui";
    auto writer = storage::HistoryWriter::open(options, opened.warnings);
    if (!writer && writer.error().locked) {
        // Reading needs no lock: the history screen still shows what the other one records.
        opened.recordedBy = describeLockHolder(writer.error().holder);
        opened.error = writer.error().describe();
        m_recorder.recordedElsewhere(opened.recordedBy).reset();
        m_lockRetry.start();
        if (opened.recordedBy != m_recordedBy) {
            m_recordedBy = opened.recordedBy;
            Q_EMIT historyOpened(opened);
        }
        return;
    }
    m_recordedBy.clear();
    if (!writer) {
        opened.error = writer.error().describe();
        m_recorder.disable(opened.error).reset();  // the old writer flushes here, off the GUI
        Q_EMIT historyOpened(opened);
        return;
    }
    // Today's totals before this writer records anything: the dashboard adds this session's
    // ticks of the same generation on top, so nothing is counted twice or missed.
    std::string readerError;
    opened.usageTime = std::chrono::system_clock::now();
    if (protocol::HistoryAccess* historyReader = reader(readerError)) {
        if (auto usage = historyReader->usage(opened.usageTime)) {
            opened.usage = std::move(*usage);
        } else {
            opened.warnings.push_back("today's totals could not be read: " +
                                      usage.error().describe());
        }
    } else {
        opened.warnings.push_back("history could not be read: " + readerError);
    }
    opened.ok = true;
    m_recorder.setWriter(std::shared_ptr<storage::HistoryWriter>(std::move(*writer)), m_generation)
        .reset();
    Q_EMIT historyOpened(opened);
}

void StorageWorker::disableHistory(const QString& reason) {
    m_lockRetry.stop();
    m_usageRefresh.stop();
    m_recorder.disable(reason.toStdString()).reset();
    m_reader.reset();
    m_service.reset();
}

void StorageWorker::useService(quint64 generation, const QString& socket) {
    m_lockRetry.stop();
    m_reader.reset();
    m_path.clear();
    m_generation = generation;
    m_service = std::make_unique<ServiceHistory>(socket.toStdString());
    readServiceSettings();
    refreshServiceUsage();
    m_usageRefresh.start();
}

void StorageWorker::saveServiceSettings(const netmon::Config& config) {
    if (!m_service) {
        Q_EMIT serviceSettingsSaved(QStringLiteral("the app is not using the service"), {});
        return;
    }
    auto saved = m_service->changeSettings(config);
    QStringList notes;
    if (saved) {
        for (const std::string& note : *saved) {
            notes.append(QString::fromStdString(note));
        }
    }
    Q_EMIT serviceSettingsSaved(
        saved ? QString() : QString::fromStdString(saved.error().describe()), notes);
    readServiceSettings();
}

void StorageWorker::readServiceSettings() {
    auto settings = m_service->settings();
    Q_EMIT serviceSettingsRead(
        settings ? settings->config : Config{},
        settings ? QString() : QString::fromStdString(settings.error().describe()));
}

void StorageWorker::refreshServiceUsage() {
    if (!m_service) {
        return;
    }
    HistoryOpened opened;
    opened.generation = m_generation;
    opened.service = true;
    auto usage = m_service->usage();
    if (!usage) {
        // Today's totals keep the last baseline and this session's ticks; the next refresh
        // tries again.
        opened.warnings.push_back("today's totals could not be read from the service: " +
                                  usage.error().describe());
        opened.error = usage.error().describe();
        Q_EMIT historyOpened(opened);
        return;
    }
    opened.ok = true;
    opened.usage = std::move(usage->usage);
    opened.usageTime = usage->readAt;
    opened.coveredUntil = usage->coveredUntil;
    Q_EMIT historyOpened(opened);
}

void StorageWorker::setRetention(int retentionDays, int historyTopN) {
    m_retentionDays = retentionDays;
    m_historyTopN = historyTopN;
    m_recorder.setRetention(retentionDays, historyTopN);
}

protocol::HistoryAccess* StorageWorker::reader(std::string& error) {
    if (m_service) {
        return m_service->access(error);
    }
    if (!m_reader && !m_path.empty()) {
        auto opened = storage::HistoryReader::open(m_path);
        if (!opened) {
            error = opened.error().describe();
            return nullptr;
        }
        m_reader = protocol::localHistory(std::move(*opened));
    }
    if (!m_reader) {
        error = "No history database is in use.";
    }
    return m_reader.get();
}

void StorageWorker::queryHistory(const HistoryRequest& request) {
    std::string error;
    protocol::HistoryAccess* historyReader = reader(error);
    if (historyReader == nullptr) {
        HistoryResult failed;
        failed.request = request;
        failed.error = error;
        Q_EMIT historyReady(failed);
        return;
    }
    HistoryResult result = runHistoryQuery(*historyReader, request);
    if (!result.error.empty() && m_service) {
        m_service->reset();  // the service may have restarted: the next query connects again
    }
    Q_EMIT historyReady(result);
}

void StorageWorker::exportCsv(const QString& path, const HistoryResult& result) {
    auto written = writeHistoryCsv(path.toStdString(), result);
    Q_EMIT exportFinished(path,
                          written ? QString() : QString::fromStdString(written.error().describe()));
}

void StorageWorker::saveConfig(const Config& config, const QString& path) {
    auto saved = netmon::runtime::saveConfig(config, path.toStdString());
    Q_EMIT configSaved(saved ? QString() : QString::fromStdString(saved.error().describe()));
}

void StorageWorker::probePermissions() {
    Q_EMIT permissionsProbed(netmon::probePermissions());
}

void StorageWorker::setStartAtLogin(bool enabled) {
    const std::optional<std::filesystem::path> entry = autostartEntryPath();
    if (!entry) {
        Q_EMIT startAtLoginSet(false,
                               tr("This system starts the app at sign-in by its installer."));
        return;
    }
    const auto done = netmon::gui::setStartAtLogin(
        *entry, QCoreApplication::applicationFilePath().toStdString(), enabled);
    Q_EMIT startAtLoginSet(done ? enabled : startsAtLogin(*entry),
                           done ? QString() : QString::fromStdString(done.error().describe()));
}

void StorageWorker::shutdown() {
    m_lockRetry.stop();
    m_usageRefresh.stop();
    m_reader.reset();
    m_service.reset();
    auto writer = m_recorder.disable("The app is closing.");
    if (writer) {
        (void)writer->flush();
    }
}

}  // namespace netmon::gui
