// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>

#include "platform/calendar.h"
#include "platform/windows/local_clock.h"

namespace netmon {
namespace {

using Clock = std::chrono::system_clock;
using windows_platform::LocalDateTime;

struct LocalDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const LocalDate&, const LocalDate&) = default;
};

std::optional<LocalDate> dateOf(Clock::time_point time) {
    const auto local = windows_platform::toLocal(time);
    if (!local) {
        return std::nullopt;
    }
    return LocalDate{local->year, local->month, local->day};
}

// The first instant whose local date is `date`. Midnight may not exist (a DST gap at 00:00) or
// exist twice, so Windows' answer is checked — it must fall on `date` while the second before it
// does not — and the neighbouring hours tried when it is not.
Clock::time_point startOfLocalDate(LocalDate date, Clock::time_point fallback) {
    const auto midnight = windows_platform::fromLocal({date.year, date.month, date.day, 0, 0, 0});
    if (!midnight) {
        return fallback;
    }
    for (const auto shift : std::array{std::chrono::hours(0), std::chrono::hours(-1),
                                       std::chrono::hours(1), std::chrono::hours(2)}) {
        const Clock::time_point candidate = *midnight + shift;
        if (dateOf(candidate) == date && !(dateOf(candidate - std::chrono::seconds(1)) == date)) {
            return candidate;
        }
    }
    return *midnight;
}

Clock::time_point floorSeconds(Clock::time_point time) {
    return std::chrono::floor<std::chrono::seconds>(time);
}

}  // namespace

Clock::time_point localDayStart(Clock::time_point time) {
    const auto date = dateOf(floorSeconds(time));
    return date ? startOfLocalDate(*date, floorSeconds(time)) : floorSeconds(time);
}

Clock::time_point localMonthStart(Clock::time_point time) {
    auto date = dateOf(floorSeconds(time));
    if (!date) {
        return floorSeconds(time);
    }
    date->day = 1;
    return startOfLocalDate(*date, floorSeconds(time));
}

Clock::time_point nextLocalDayStart(Clock::time_point time) {
    // 36 hours after the day's start is always within the next day (days are 23–25 hours).
    const Clock::time_point dayStart = localDayStart(time);
    return localDayStart(dayStart + std::chrono::hours(36));
}

}  // namespace netmon
