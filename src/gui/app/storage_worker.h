// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/history_request.h"
#include "core/config.h"
#include "core/permissions.h"
#include "storage/history_types.h"

namespace netmon::storage {
class HistoryReader;
}

namespace netmon::gui {

class HistoryRecorder;

// The database as the app opened it, and today's totals in it at that moment (the baseline to
// which the dashboard adds what this session records under the same generation).
struct HistoryOpened {
    std::uint64_t generation = 0;
    std::string path;
    bool ok = false;
    std::string error;                  // why history is off, and what to do
    std::vector<std::string> warnings;  // e.g. a corrupt file was set aside
    std::vector<storage::UsageTotals> usage;
    storage::TimePoint usageTime;
};

// Everything that touches the disk or may take long, on a thread of its own: opening the
// history database, queries, CSV export, saving settings, probing permissions. Lives on its
// QThread; talk to it only through queued signals (its slots are called with
// QMetaObject::invokeMethod or queued connections).
class StorageWorker : public QObject {
    Q_OBJECT
public:
    explicit StorageWorker(HistoryRecorder& recorder, QObject* parent = nullptr);
    ~StorageWorker() override;

public Q_SLOTS:
    // historyTopN: hosts and processes with their own row per hour and per day (Config).
    void openHistory(quint64 generation, const QString& path, int retentionDays,
                     int historyTopN = Config{}.historyTopN);
    void disableHistory(const QString& reason);
    void setRetention(int retentionDays, int historyTopN = Config{}.historyTopN);
    void queryHistory(const netmon::gui::HistoryRequest& request);
    void exportCsv(const QString& path, const netmon::gui::HistoryResult& result);
    void saveConfig(const netmon::Config& config, const QString& path);
    void probePermissions();
    // Flushes and closes the database; the last call before the thread ends.
    void shutdown();

Q_SIGNALS:
    void historyOpened(const netmon::gui::HistoryOpened& opened);
    void historyReady(const netmon::gui::HistoryResult& result);
    void exportFinished(const QString& path, const QString& error);
    void configSaved(const QString& error);
    void permissionsProbed(const netmon::PermissionReport& report);

private:
    storage::HistoryReader* reader(std::string& error);

    HistoryRecorder& m_recorder;
    std::string m_path;
    int m_retentionDays = 90;
    std::unique_ptr<storage::HistoryReader> m_reader;
};

}  // namespace netmon::gui

Q_DECLARE_METATYPE(netmon::gui::HistoryOpened)
Q_DECLARE_METATYPE(netmon::Config)
Q_DECLARE_METATYPE(netmon::PermissionReport)
