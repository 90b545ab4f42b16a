// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/settings_validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <chrono>

#include "core/config.h"
#include "gui/types/qt_text.h"

namespace netmon::gui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("SettingsValidation", text);
}

// A whole number, nothing else: "1000", not "1e3", "1000ms" or "1,000".
std::optional<int> wholeNumber(const QString& text) {
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

// Core's reasons are clauses ("the sampling interval must be…"); under a field, a sentence.
QString sentence(const std::string& reason) {
    QString text = toQString(reason);
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
        if (!text.endsWith(QLatin1Char('.'))) {
            text += QLatin1Char('.');
        }
    }
    return text;
}

}  // namespace

Checked<int> parseSamplingInterval(const QString& text) {
    const auto value = wholeNumber(text);
    if (!value) {
        return tl::make_unexpected(
            tr("Enter a whole number of milliseconds, e.g. 1000 for once a second."));
    }
    if (auto refused = checkSamplingInterval(std::chrono::milliseconds(*value))) {
        return tl::make_unexpected(sentence(*refused));
    }
    return *value;
}

Checked<int> parseRetentionDays(const QString& text) {
    const auto value = wholeNumber(text);
    if (!value) {
        return tl::make_unexpected(tr("Enter a whole number of days, e.g. 90."));
    }
    if (auto refused = checkRetentionDays(*value)) {
        return tl::make_unexpected(sentence(*refused));
    }
    return *value;
}

Checked<int> parseHistoryTopN(const QString& text) {
    const auto value = wholeNumber(text);
    if (!value) {
        return tl::make_unexpected(tr("Enter a whole number, e.g. 200."));
    }
    if (auto refused = checkHistoryTopN(*value)) {
        return tl::make_unexpected(sentence(*refused));
    }
    return *value;
}

Checked<QString> parseDatabasePath(const QString& text) {
    const QString path = text.trimmed();
    if (path.isEmpty()) {
        return path;
    }
    if (!QDir::isAbsolutePath(path)) {
        return tl::make_unexpected(
            tr("Use a full path, e.g. %1.")
                .arg(QDir::home().filePath(QStringLiteral(".local/share/netmon/history.db"))));
    }
    // Only looks at the name: whether the disk takes it is found when the worker opens it.
    if (path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir()) {
        return tl::make_unexpected(tr("That is a folder; name a file in it, e.g. %1.")
                                       .arg(QDir(path).filePath(QStringLiteral("history.db"))));
    }
    return path;
}

Checked<QStringList> parseMonitoredInterfaces(bool all, const QStringList& names) {
    if (all) {
        return QStringList();
    }
    if (names.isEmpty()) {
        return tl::make_unexpected(tr("Pick at least one interface, or monitor all of them."));
    }
    for (const QString& name : names) {
        if (auto refused = checkInterfaceName(name.toStdString())) {
            return tl::make_unexpected(sentence(*refused));
        }
    }
    return names;
}

}  // namespace netmon::gui
