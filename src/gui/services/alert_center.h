// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/model/snapshot.h"
#include "core/permission_report.h"
#include "gui/types/alert.h"
#include "gui/types/data_source.h"
#include "gui/types/history_health.h"

namespace netmon::gui {

// Decides what the banner shows: basic mode in use (and how deep mode would be enabled),
// history problems, interfaces that went down, read failures. A dismissed alert stays hidden
// until its text changes.
class AlertCenter : public QObject {
    Q_OBJECT
public:
    explicit AlertCenter(QObject* parent = nullptr);

    void set(const Alert& alert);
    void remove(const QString& key);
    void dismiss(const QString& key);
    // Shown alerts, errors first, then in the order they were raised.
    [[nodiscard]] std::vector<Alert> alerts() const;

    // The rules.
    void onSnapshot(const Snapshot& snapshot);
    void onHistoryHealth(const HistoryHealth& health);
    void onModeStatus(CaptureMode requested, const PermissionReport& report);
    // The mode the monitor runs in and, when it fell back to basic, why.
    void onModeDecision(const ModeDecision& decision);
    // The service's mode is the service's: no local permission advice then. In process, the
    // way to deep mode offered is the service.
    void onDataSource(const DataSource& source);

    static inline const QString kModeKey = QStringLiteral("mode");
    static inline const QString kHistoryKey = QStringLiteral("history");
    static inline const QString kTickKey = QStringLiteral("tick");
    static QString interfaceKey(const std::string& name) {
        return QStringLiteral("interface:") + QString::fromStdString(name);
    }
    static QString dropsKey(const std::string& name) {
        return QStringLiteral("drops:") + QString::fromStdString(name);
    }

Q_SIGNALS:
    void changed();

private:
    std::map<QString, Alert> m_alerts;
    std::map<QString, std::uint64_t> m_order;
    std::uint64_t m_nextOrder = 0;
    std::map<QString, QString> m_dismissed;         // key → the text that was dismissed
    std::map<std::string, OperState> m_lastStates;  // physical interfaces, last tick
    QString m_visibilityNote;
    std::optional<CaptureMode> m_requested;
    PermissionReport m_report;
    bool m_haveReport = false;
    std::optional<ModeDecision> m_decision;
    DataSource m_source;

    void refreshModeAlert();
};

}  // namespace netmon::gui
