// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time_text.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace netmon {
namespace {

struct CivilTime {
    std::chrono::year_month_day date;
    std::chrono::hh_mm_ss<std::chrono::milliseconds> timeOfDay{std::chrono::milliseconds{0}};
};

CivilTime toCivilUtc(WallTime time) {
    using namespace std::chrono;
    const auto sinceEpoch = duration_cast<milliseconds>(time.time_since_epoch());
    const auto day = floor<days>(sinceEpoch);
    return {year_month_day{sys_days{day}}, hh_mm_ss<milliseconds>{sinceEpoch - day}};
}

bool parseNumber(std::string_view text, int& out) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size() && !text.empty();
}

Result<WallTime> parseRelative(std::string_view text, WallTime now) {
    if (!text.empty() && text.front() == '-') {
        text.remove_prefix(1);
    }
    if (text.size() < 2) {
        return fail("bad duration");
    }
    int amount = 0;
    if (!parseNumber(text.substr(0, text.size() - 1), amount) || amount < 0) {
        return fail("bad duration");
    }
    using namespace std::chrono;
    switch (text.back()) {
        case 's':
            return now - seconds{amount};
        case 'm':
            return now - minutes{amount};
        case 'h':
            return now - hours{amount};
        case 'd':
            return now - days{amount};
        default:
            return fail("bad duration unit");
    }
}

Result<WallTime> parseLocalDateTime(std::string_view text) {
    // YYYY-MM-DD[(T| )HH:MM[:SS]]
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const bool dateOk = text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
                        parseNumber(text.substr(0, 4), year) &&
                        parseNumber(text.substr(5, 2), month) &&
                        parseNumber(text.substr(8, 2), day);
    if (!dateOk) {
        return fail("bad date");
    }
    if (text.size() > 10) {
        const bool timeOk =
            (text[10] == 'T' || text[10] == ' ') && (text.size() == 16 || text.size() == 19) &&
            text[13] == ':' && parseNumber(text.substr(11, 2), hour) &&
            parseNumber(text.substr(14, 2), minute) &&
            (text.size() == 16 || (text[16] == ':' && parseNumber(text.substr(17, 2), second)));
        if (!timeOk) {
            return fail("bad time of day");
        }
    }
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) {
        return fail("no such date or time");
    }
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_sec = second;
    local.tm_isdst = -1;  // let the C library decide whether DST applies on that date
    const std::time_t seconds = std::mktime(&local);
    if (seconds == static_cast<std::time_t>(-1)) {
        return fail("time out of range");
    }
    return std::chrono::system_clock::from_time_t(seconds);
}

}  // namespace

std::string formatIsoUtc(WallTime time) {
    const CivilTime civil = toCivilUtc(time);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                  static_cast<int>(civil.date.year()), static_cast<unsigned>(civil.date.month()),
                  static_cast<unsigned>(civil.date.day()),
                  static_cast<int>(civil.timeOfDay.hours().count()),
                  static_cast<int>(civil.timeOfDay.minutes().count()),
                  static_cast<int>(civil.timeOfDay.seconds().count()),
                  static_cast<int>(civil.timeOfDay.subseconds().count()));
    return buffer;
}

std::string formatCompactUtc(WallTime time) {
    const CivilTime civil = toCivilUtc(time);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02u-%02d%02d%02d",
                  static_cast<int>(civil.date.year()), static_cast<unsigned>(civil.date.month()),
                  static_cast<unsigned>(civil.date.day()),
                  static_cast<int>(civil.timeOfDay.hours().count()),
                  static_cast<int>(civil.timeOfDay.minutes().count()),
                  static_cast<int>(civil.timeOfDay.seconds().count()));
    return buffer;
}

Result<WallTime> parseTimeArgument(std::string_view text, WallTime now,
                                   const DayStart& localDayStart) {
    const auto refuse = [text] {
        return fail("cannot read the time '" + std::string(text) + "'",
                    "use now, today, yesterday, -24h, -7d, 2026-11-26, 2026-11-26T10:00 or "
                    "@<unix seconds>");
    };
    if (text == "now") {
        return now;
    }
    if (text == "today") {
        return localDayStart(now);
    }
    if (text == "yesterday") {
        return localDayStart(localDayStart(now) - std::chrono::hours{1});
    }
    if (!text.empty() && text.front() == '@') {
        long long seconds = 0;
        const auto digits = text.substr(1);
        const auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
        if (ec != std::errc{} || ptr != digits.data() + digits.size() || digits.empty()) {
            return refuse();
        }
        return WallTime{std::chrono::seconds{seconds}};
    }
    if (text.size() >= 10 && text[4] == '-') {
        auto parsed = parseLocalDateTime(text);
        return parsed ? parsed : refuse();
    }
    auto relative = parseRelative(text, now);
    return relative ? relative : refuse();
}

}  // namespace netmon
