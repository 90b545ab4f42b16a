// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <tl/expected.hpp>

namespace netmon::gui {

// What the Settings screen accepts, each field on its own: a value, or why it is refused (shown
// under the field). The ranges and name rules are core's (checkSamplingInterval…); these add
// only the parsing of what was typed.
template <typename T>
using Checked = tl::expected<T, QString>;

Checked<int> parseSamplingInterval(const QString& text);  // milliseconds
Checked<int> parseRetentionDays(const QString& text);
Checked<int> parseHistoryTopN(const QString& text);
// Empty means the default location.
Checked<QString> parseDatabasePath(const QString& text);
// `all` or at least one valid interface name.
Checked<QStringList> parseMonitoredInterfaces(bool all, const QStringList& names);

template <typename T>
const QString* refusal(const Checked<T>& checked) {
    return checked ? nullptr : &checked.error();
}

}  // namespace netmon::gui
