// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <chrono>

#include "gui/types/history_request.h"

namespace netmon::gui {

// The History screen's range presets as times, by the local calendar (days and months start at
// local midnight; a DST day has 23 or 25 hours).
struct TimeRange {
    storage::TimePoint since;
    storage::TimePoint until;  // exclusive
};

TimeRange lastHours(storage::TimePoint now, int hours);  // whole hours, the current one last
TimeRange lastDays(storage::TimePoint now, int days);    // whole local days, today last
TimeRange thisMonth(storage::TimePoint now);
TimeRange lastMonths(storage::TimePoint now, int months);  // whole local months, this one last
TimeRange localDays(const QDate& from, const QDate& to);   // inclusive local days

}  // namespace netmon::gui
