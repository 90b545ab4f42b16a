// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>
#include <ctime>

#include "platform/calendar.h"

namespace netmon {
namespace {

using Clock = std::chrono::system_clock;

struct LocalDate {
    int year = 0;   // years since 1900, as in struct tm
    int month = 0;  // 0–11
    int day = 0;    // 1–31

    friend bool operator==(const LocalDate&, const LocalDate&) = default;
};

std::tm localTime(std::time_t time) {
    std::tm fields{};
    ::localtime_r(&time, &fields);
    return fields;
}

LocalDate dateOf(std::time_t time) {
    const std::tm fields = localTime(time);
    return {fields.tm_year, fields.tm_mon, fields.tm_mday};
}

// The first instant whose local date is `date`. Midnight may not exist (a DST gap at 00:00, as
// in Chile or Lebanon) or exist twice (a fall-back at 01:00 → 00:00), so mktime() is asked
// with each DST guess and the answer checked: it must fall on `date` while the second before
// it does not. glibc maps a midnight inside a gap to the end of the gap, which passes.
std::time_t startOfLocalDate(LocalDate date) {
    std::time_t fallback = -1;
    for (const int isDst : std::array{-1, 0, 1}) {
        std::tm fields{};
        fields.tm_year = date.year;
        fields.tm_mon = date.month;
        fields.tm_mday = date.day;
        fields.tm_isdst = isDst;
        const std::time_t candidate = std::mktime(&fields);
        if (isDst == -1) {
            fallback = candidate;
        }
        if (dateOf(candidate) == date && !(dateOf(candidate - 1) == date)) {
            return candidate;
        }
    }
    return fallback;
}

std::time_t toTimeT(Clock::time_point time) {
    // floor, not truncation: 0.5 s before the epoch belongs to the second before it.
    return Clock::to_time_t(std::chrono::floor<std::chrono::seconds>(time));
}

Clock::time_point fromTimeT(std::time_t time) {
    return Clock::from_time_t(time);
}

}  // namespace

Clock::time_point localDayStart(Clock::time_point time) {
    return fromTimeT(startOfLocalDate(dateOf(toTimeT(time))));
}

Clock::time_point localMonthStart(Clock::time_point time) {
    LocalDate date = dateOf(toTimeT(time));
    date.day = 1;
    return fromTimeT(startOfLocalDate(date));
}

Clock::time_point nextLocalDayStart(Clock::time_point time) {
    // 36 hours after the day's start is always within the next day (days are 23–25 hours), and
    // a date the zone skipped altogether (Samoa, 2011-12-30) is skipped here too.
    const std::time_t dayStart = startOfLocalDate(dateOf(toTimeT(time)));
    constexpr std::time_t kThirtySixHours = 36 * 3600;
    return fromTimeT(startOfLocalDate(dateOf(dayStart + kThirtySixHours)));
}

}  // namespace netmon
