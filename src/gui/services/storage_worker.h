// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/permission_report.h"
#include "gui/types/core_metatypes.h"
#include "gui/types/history_opened.h"
#include "gui/types/history_request.h"
#include "platform/permissions.h"
#include "storage/history_types.h"

namespace netmon::protocol {
class HistoryAccess;
}

namespace netmon::gui {

class HistoryRecorder;
class ServiceHistory;

// Everything that touches the disk or may take long, on a thread of its own: opening the
// history database, queries, CSV export, saving settings, probing permissions. Lives on its
// QThread; talk to it only through queued signals (its slots are called with
// QMetaObject::invokeMethod or queued connections). While another process records the
// database, it tries to take over every `lockRetry` (live views go on meanwhile). With the
// service (useService) it opens no database: history and today's totals are the service's,
// read through its socket, and the totals are read again every `usageRefresh`.
class StorageWorker : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kLockRetry{3000};
    static constexpr std::chrono::milliseconds kUsageRefresh{60'000};

    explicit StorageWorker(HistoryRecorder& recorder, QObject* parent = nullptr,
                           std::chrono::milliseconds lockRetry = kLockRetry,
                           std::chrono::milliseconds usageRefresh = kUsageRefresh);
    ~StorageWorker() override;

public Q_SLOTS:
    // historyTopN: hosts and processes with their own row per hour and per day (Config).
    void openHistory(quint64 generation, const QString& path, int retentionDays,
                     int historyTopN = Config{}.historyTopN);
    void disableHistory(const QString& reason);
    // History from the service at `socket`: no database of the app's; reports historyOpened
    // (the service's totals for today, again every usageRefresh) and serviceSettingsRead.
    void useService(quint64 generation, const QString& socket);
    void refreshServiceUsage();
    void setRetention(int retentionDays, int historyTopN = Config{}.historyTopN);
    void queryHistory(const netmon::gui::HistoryRequest& request);
    void exportCsv(const QString& path, const netmon::gui::HistoryResult& result);
    void saveConfig(const netmon::Config& config, const QString& path);
    // With the service: sends it these settings, answers serviceSettingsSaved, then reads them
    // back (serviceSettingsRead), so the screen shows what is in effect.
    void saveServiceSettings(const netmon::Config& config);
    void probePermissions();
    // Writes or removes the app's autostart entry (start_at_login.h); answers startAtLoginSet.
    void setStartAtLogin(bool enabled);
    // Flushes and closes the database; the last call before the thread ends.
    void shutdown();

Q_SIGNALS:
    void historyOpened(const netmon::gui::HistoryOpened& opened);
    void historyReady(const netmon::gui::HistoryResult& result);
    void exportFinished(const QString& path, const QString& error);
    void configSaved(const QString& error);
    void permissionsProbed(const netmon::PermissionReport& report);
    // What is in effect now, and why not what was asked (empty: done).
    void startAtLoginSet(bool enabled, const QString& error);
    // The service's settings; `error` set (and `config` the defaults) when they could not be read.
    void serviceSettingsRead(const netmon::Config& config, const QString& error);
    // The service took the settings (`error` empty; `notes`: what it said) or refused them.
    void serviceSettingsSaved(const QString& error, const QStringList& notes);

private:
    protocol::HistoryAccess* reader(std::string& error);
    void readServiceSettings();  // answers serviceSettingsRead
    // Opens the writer for m_path; reports the outcome unless it is the same holder again.
    void openWriter();

    HistoryRecorder& m_recorder;
    std::uint64_t m_generation = 0;
    std::string m_path;
    int m_retentionDays = 90;
    int m_historyTopN = Config{}.historyTopN;
    std::unique_ptr<protocol::HistoryAccess> m_reader;  // the local database's
    std::unique_ptr<ServiceHistory> m_service;          // set: history is the service's
    QTimer m_lockRetry;  // single shot, armed while another process holds the lock
    QTimer m_usageRefresh;
    std::string m_recordedBy;  // the holder last reported, so each retry does not repeat it
};

}  // namespace netmon::gui
