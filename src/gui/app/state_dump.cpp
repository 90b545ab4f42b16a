// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/state_dump.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "gui/screens/history_screen.h"
#include "gui/screens/settings_screen.h"
#include "gui/types/qt_text.h"
#include "gui/window/main_window.h"

namespace netmon::gui {
namespace {

QJsonObject historyState(const HistoryScreen& screen) {
    QJsonObject history;
    history[QStringLiteral("busy")] = screen.busy();
    const std::optional<HistoryResult>& result = screen.shown();
    if (!result) {
        return history;
    }
    history[QStringLiteral("error")] = toQString(result->error);
    history[QStringLiteral("rx_bytes")] = QString::number(result->rxTotal);
    history[QStringLiteral("tx_bytes")] = QString::number(result->txTotal);
    QJsonArray interfaces;
    for (const std::string& name : result->interfaces) {
        interfaces.append(toQString(name));
    }
    history[QStringLiteral("interfaces")] = interfaces;
    history[QStringLiteral("bars")] = static_cast<int>(result->buckets.size());
    return history;
}

}  // namespace

bool writeStateFile(const MainWindow& window, const QString& path) {
    QJsonObject state;
    state[QStringLiteral("source")] = window.sourceText();
    state[QStringLiteral("status")] = window.statusText();
    state[QStringLiteral("history")] = historyState(*window.history());
    state[QStringLiteral("settings_note")] = window.settings()->serviceNoteText();
    state[QStringLiteral("mode_text")] = window.settings()->modeText();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    return file.write(QJsonDocument(state).toJson()) > 0;
}

}  // namespace netmon::gui
