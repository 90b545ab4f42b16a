// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "platform/calendar.h"

namespace netmon {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// A UTC instant, written as a date and time of day.
system_clock::time_point utc(int y, unsigned m, unsigned d, hours h = 0h, minutes min = 0min) {
    return sys_days{year{y} / month{m} / day{d}} + h + min;
}

// Sets TZ for one test and puts the old value back afterwards.
class CalendarLinux : public testing::Test {
protected:
    void SetUp() override {
        if (const char* tz = std::getenv("TZ")) {
            m_saved = tz;
        }
    }
    void TearDown() override {
        if (m_saved) {
            ::setenv("TZ", m_saved->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    // False when tzdata lacks the zone: glibc would then silently use UTC.
    [[nodiscard]] static bool useZone(const char* zone) {
        const std::string path = std::string("/usr/share/zoneinfo/") + zone;
        ::setenv("TZ", zone, 1);
        ::tzset();
        return std::string_view(zone) == "UTC" || ::access(path.c_str(), R_OK) == 0;
    }

private:
    std::optional<std::string> m_saved;
};

// A test needs the zone's rules; without tzdata it says so and skips.
#define USE_ZONE_OR_SKIP(zone)                                             \
    if (!useZone(zone)) {                                                  \
        GTEST_SKIP() << "tzdata has no " << (zone) << " (install tzdata)"; \
    }

TEST_F(CalendarLinux, UtcBoundaries) {
    USE_ZONE_OR_SKIP("UTC");
    const auto time = utc(2026, 3, 29, 15h, 30min) + 12s + 500ms;
    EXPECT_EQ(localDayStart(time), utc(2026, 3, 29));
    EXPECT_EQ(nextLocalDayStart(time), utc(2026, 3, 30));
    EXPECT_EQ(localMonthStart(time), utc(2026, 3, 1));
    // Midnight itself starts its day; the end of a month rolls into the next.
    EXPECT_EQ(localDayStart(utc(2026, 3, 29)), utc(2026, 3, 29));
    EXPECT_EQ(nextLocalDayStart(utc(2026, 12, 31, 23h)), utc(2027, 1, 1));
    // Half a second before the epoch belongs to 1969-12-31.
    EXPECT_EQ(localDayStart(system_clock::time_point{} - 500ms), utc(1969, 12, 31));
}

TEST_F(CalendarLinux, BerlinSpringForwardDayIs23Hours) {
    USE_ZONE_OR_SKIP("Europe/Berlin");
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST. 14:00 CEST = 12:00 UTC.
    const auto time = utc(2026, 3, 29, 12h);
    const auto start = localDayStart(time);
    const auto next = nextLocalDayStart(time);
    EXPECT_EQ(start, utc(2026, 3, 28, 23h));  // 00:00 CET
    EXPECT_EQ(next, utc(2026, 3, 29, 22h));   // 00:00 CEST
    EXPECT_EQ(next - start, 23h);
    // Just before and after the jump: same day.
    EXPECT_EQ(localDayStart(utc(2026, 3, 29, 0h, 59min)), start);
    EXPECT_EQ(localDayStart(utc(2026, 3, 29, 1h)), start);
    EXPECT_EQ(localMonthStart(time), utc(2026, 2, 28, 23h));
}

TEST_F(CalendarLinux, BerlinFallBackDayIs25Hours) {
    USE_ZONE_OR_SKIP("Europe/Berlin");
    const auto time = utc(2026, 10, 25, 1h, 30min);  // 02:30 CET, the second 02:30
    const auto start = localDayStart(time);
    EXPECT_EQ(start, utc(2026, 10, 24, 22h));  // 00:00 CEST
    EXPECT_EQ(nextLocalDayStart(time) - start, 25h);
    // A month that starts in summer time and a time in winter time.
    EXPECT_EQ(localMonthStart(utc(2026, 11, 15)), utc(2026, 10, 31, 23h));
    EXPECT_EQ(localMonthStart(utc(2026, 10, 31, 12h)), utc(2026, 9, 30, 22h));
}

TEST_F(CalendarLinux, MidnightInsideAGapStartsTheDayAtTheJump) {
    USE_ZONE_OR_SKIP("America/Santiago");
    // 2026-09-06 00:00 -04 does not exist; the day begins at 01:00 -03 = 04:00 UTC.
    EXPECT_EQ(localDayStart(utc(2026, 9, 6, 18h)), utc(2026, 9, 6, 4h));
    EXPECT_EQ(nextLocalDayStart(utc(2026, 9, 5, 18h)), utc(2026, 9, 6, 4h));
    USE_ZONE_OR_SKIP("America/Havana");
    EXPECT_EQ(localDayStart(utc(2026, 3, 8, 18h)), utc(2026, 3, 8, 5h));
}

TEST_F(CalendarLinux, MidnightTwiceStartsTheDayAtTheFirst) {
    USE_ZONE_OR_SKIP("America/Havana");
    // 2026-11-01: 01:00 CDT falls back to 00:00 CST, so 00:00 happens at 04:00 and 05:00 UTC.
    const auto time = utc(2026, 11, 1, 18h);
    EXPECT_EQ(localDayStart(time), utc(2026, 11, 1, 4h));
    EXPECT_EQ(localDayStart(utc(2026, 11, 1, 5h, 30min)), utc(2026, 11, 1, 4h));
    EXPECT_EQ(nextLocalDayStart(time), utc(2026, 11, 2, 5h));
    EXPECT_EQ(localMonthStart(time), utc(2026, 11, 1, 4h));
}

TEST_F(CalendarLinux, SkippedDateIsSkipped) {
    USE_ZONE_OR_SKIP("Pacific/Apia");
    // Samoa went from 2011-12-29 23:59:59 (-10) straight to 2011-12-31 00:00 (+14).
    const auto time = utc(2011, 12, 29, 22h);  // 12:00 local on the 29th
    EXPECT_EQ(localDayStart(time), utc(2011, 12, 29, 10h));
    EXPECT_EQ(nextLocalDayStart(time), utc(2011, 12, 30, 10h));
}

}  // namespace
}  // namespace netmon
