// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/history/history_range.h"

#include <QDateTime>

#include "platform/calendar.h"

namespace netmon::gui {
namespace {

using std::chrono::hours;

storage::TimePoint fromQDate(const QDate& date) {
    const QDateTime midnight = date.startOfDay();  // local time
    return storage::TimePoint(std::chrono::milliseconds(midnight.toMSecsSinceEpoch()));
}

}  // namespace

TimeRange lastHours(storage::TimePoint now, int count) {
    const auto hourStart = std::chrono::floor<hours>(now);
    return {hourStart - hours(count - 1), hourStart + hours(1)};
}

TimeRange lastDays(storage::TimePoint now, int days) {
    storage::TimePoint since = localDayStart(now);
    for (int i = 1; i < days; ++i) {
        since = localDayStart(since - hours(1));
    }
    return {since, nextLocalDayStart(now)};
}

TimeRange thisMonth(storage::TimePoint now) {
    return {localMonthStart(now), nextLocalDayStart(now)};
}

TimeRange lastMonths(storage::TimePoint now, int months) {
    storage::TimePoint since = localMonthStart(now);
    for (int i = 1; i < months; ++i) {
        since = localMonthStart(since - hours(1));
    }
    return {since, nextLocalDayStart(now)};
}

TimeRange localDays(const QDate& from, const QDate& to) {
    const QDate last = to < from ? from : to;
    return {fromQDate(from), fromQDate(last.addDays(1))};
}

}  // namespace netmon::gui
