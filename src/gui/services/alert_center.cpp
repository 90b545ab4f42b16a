// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/alert_center.h"

#include <QStringList>
#include <algorithm>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

AlertCenter::AlertCenter(QObject* parent) : QObject(parent) {}

void AlertCenter::set(const Alert& alert) {
    const auto found = m_alerts.find(alert.key);
    if (found != m_alerts.end() && found->second == alert) {
        return;
    }
    if (found == m_alerts.end()) {
        m_order[alert.key] = m_nextOrder++;
    }
    m_alerts[alert.key] = alert;
    Q_EMIT changed();
}

void AlertCenter::remove(const QString& key) {
    if (m_alerts.erase(key) != 0) {
        m_order.erase(key);
        m_dismissed.erase(key);
        Q_EMIT changed();
    }
}

void AlertCenter::dismiss(const QString& key) {
    const auto found = m_alerts.find(key);
    if (found != m_alerts.end()) {
        m_dismissed[key] = found->second.text;
        Q_EMIT changed();
    }
}

std::vector<Alert> AlertCenter::alerts() const {
    std::vector<Alert> shown;
    for (const auto& [key, alert] : m_alerts) {
        const auto dismissed = m_dismissed.find(key);
        if (dismissed == m_dismissed.end() || dismissed->second != alert.text) {
            shown.push_back(alert);
        }
    }
    std::sort(shown.begin(), shown.end(), [this](const Alert& a, const Alert& b) {
        if (a.level != b.level) {
            return a.level > b.level;
        }
        return m_order.at(a.key) < m_order.at(b.key);
    });
    return shown;
}

void AlertCenter::onSnapshot(const Snapshot& snapshot) {
    // Interfaces that went down: physical ones only (containers come and go all the time).
    std::map<std::string, OperState> states;
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (stat.isVirtual) {
            continue;
        }
        states[stat.name] = stat.state;
        const auto before = m_lastStates.find(stat.name);
        if (stat.state == OperState::Up) {
            remove(interfaceKey(stat.name));
        } else if (before != m_lastStates.end() && before->second == OperState::Up) {
            set(Alert{interfaceKey(stat.name),
                      Alert::Level::Warning,
                      tr("Interface %1 went down (%2).")
                          .arg(shownText(stat.name), toQString(toString(stat.state))),
                      {},
                      tr("Interfaces"),
                      Alert::Action::OpenInterfaces});
        }
    }
    for (const auto& [name, state] : m_lastStates) {
        if (state == OperState::Up && states.count(name) == 0) {
            set(Alert{interfaceKey(name),
                      Alert::Level::Warning,
                      tr("Interface %1 went away.").arg(shownText(name)),
                      {},
                      tr("Interfaces"),
                      Alert::Action::OpenInterfaces});
        }
    }
    m_lastStates = std::move(states);

    if (snapshot.warnings.empty()) {
        remove(kTickKey);
    } else {
        QStringList warnings;
        for (const std::string& warning : snapshot.warnings) {
            warnings << shownText(warning);
        }
        set(Alert{kTickKey,
                  Alert::Level::Warning,
                  warnings.join(QStringLiteral(" · ")),
                  {},
                  {},
                  Alert::Action::None});
    }

    // Deep mode: packets the capture lost are missing from that interface's flows; say so.
    for (const CaptureInterfaceStats& stats : snapshot.capture) {
        const QString key = dropsKey(stats.interfaceName);
        if (stats.kernelDrops == 0) {
            remove(key);
            continue;
        }
        set(Alert{key,
                  Alert::Level::Warning,
                  tr("Capture on %1 lost %2 packets (the kernel dropped them under load): that "
                     "interface's flows miss them; its totals stay exact.")
                      .arg(shownText(stats.interfaceName))
                      .arg(stats.kernelDrops),
                  {},
                  {},
                  Alert::Action::None});
    }

    const QString note = toQString(snapshot.visibility.note);
    if (note != m_visibilityNote || snapshot.mode == MonitoringMode::Deep) {
        m_visibilityNote = note;
        if (snapshot.mode == MonitoringMode::Deep) {
            remove(kModeKey);
        } else {
            refreshModeAlert();
        }
    }
}

void AlertCenter::onHistoryHealth(const HistoryHealth& health) {
    switch (health.state) {
        case HistoryHealth::State::Opening:
        case HistoryHealth::State::Recording:
        case HistoryHealth::State::ByService:
            remove(kHistoryKey);
            return;
        case HistoryHealth::State::Failing:
            set(Alert{
                kHistoryKey,
                Alert::Level::Error,
                tr("History is not being written: %1 (%2 kept in memory, retrying).")
                    .arg(shownText(health.message),
                         health.pendingSamples == 1 ? tr("1 sample")
                                                    : tr("%1 samples").arg(health.pendingSamples)),
                {},
                tr("Settings"),
                Alert::Action::OpenSettings});
            return;
        case HistoryHealth::State::Disabled:
            set(Alert{kHistoryKey,
                      Alert::Level::Error,
                      tr("History is off: %1 Live views still work; nothing is stored.")
                          .arg(shownText(health.message)),
                      {},
                      tr("Settings"),
                      Alert::Action::OpenSettings});
            return;
        case HistoryHealth::State::RecordedElsewhere:
            // Not an error: the other program stores the traffic; storing it here too would
            // count every byte twice.
            set(Alert{kHistoryKey, Alert::Level::Info,
                      tr("History is recorded by %1. Live views work as usual; this app takes "
                         "over recording when it stops.")
                          .arg(toQString(health.message)),
                      tr("One program at a time writes a history database. To record here "
                         "now, stop that one, or choose another database in Settings."),
                      tr("Settings"), Alert::Action::OpenSettings});
            return;
    }
}

void AlertCenter::onModeStatus(CaptureMode requested, const PermissionReport& report) {
    m_requested = requested;
    m_report = report;
    m_haveReport = true;
    refreshModeAlert();
}

void AlertCenter::onModeDecision(const ModeDecision& decision) {
    m_decision = decision;
    refreshModeAlert();
}

void AlertCenter::onDataSource(const DataSource& source) {
    m_source = source;
    refreshModeAlert();
}

void AlertCenter::refreshModeAlert() {
    const bool deepRunning = m_decision && m_decision->mode == MonitoringMode::Deep;
    if (m_source.kind == DataSource::Kind::Service) {
        if (deepRunning || !m_decision) {
            remove(kModeKey);
            return;
        }
        set(Alert{kModeKey, Alert::Level::Info,
                  tr("The Network Monitor service runs in basic mode: interface totals are "
                     "exact; per-connection detail is what the OS shows without capture."),
                  shownText(m_decision->message), tr("Settings"), Alert::Action::OpenSettings});
        return;
    }
    if (!m_haveReport || m_requested == CaptureMode::Basic || deepRunning) {
        remove(kModeKey);  // basic by choice, or deep mode running: nothing to tell
        return;
    }
    // The note is core's one sentence on what basic mode misses ("Basic mode: …").
    QString text = m_visibilityNote.isEmpty()
                       ? tr("Basic mode: interface totals are exact; per-connection detail is "
                            "limited to what the OS shows without admin rights.")
                       : m_visibilityNote;
    if (!text.startsWith(tr("Basic mode"))) {
        text = tr("Basic mode: %1").arg(text);
    }
    if (m_requested == CaptureMode::Deep) {
        text = tr("Deep mode was asked for, but basic mode is in use. %1").arg(text);
    }
    // Why deep mode is not running: the monitor's own reason when it tried, else what this
    // machine lacks.
    QString details;
    if (m_decision && !m_decision->message.empty()) {
        details = shownText(reasonWithoutFixes(m_decision->message));
    } else {
        QStringList missing;
        for (const PermissionCheck& check : m_report.checks) {
            if (!check.passed) {
                missing << toQString(check.name);
            }
        }
        details = missing.isEmpty()
                      ? tr("This machine allows deep mode.")
                      : tr("Deep mode needs: %1.").arg(missing.join(QStringLiteral(", ")));
    }
    if (const QString offer = serviceOffer(m_source); !offer.isEmpty()) {
        details += QLatin1Char('\n') + offer;
    }
    const Alert::Level level =
        m_requested == CaptureMode::Deep ? Alert::Level::Warning : Alert::Level::Info;
    set(Alert{kModeKey, level, text, details, tr("How to enable deep mode"),
              Alert::Action::OpenSettings});
}

}  // namespace netmon::gui
