// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time_text.h"

#include <gtest/gtest.h>

#include "fakes/scoped_time_zone.h"

namespace netmon {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// 2026-11-26T19:34:05.250Z
const WallTime kNow = WallTime{1'795'721'645s} + 250ms;

using test::ScopedTimeZone;

// Day starts as the platform's calendar gives them, for a zone of fixed offset: hand-computed.
DayStart fixedOffsetDayStart(std::chrono::hours offset) {
    return [offset](WallTime time) { return floor<days>(time + offset) - offset; };
}

Result<WallTime> parse(std::string_view text) {
    return parseTimeArgument(text, kNow, fixedOffsetDayStart(0h));
}

TEST(TimeText, FormatsUtc) {
    EXPECT_EQ(formatIsoUtc(kNow), "2026-11-26T19:34:05.250Z");
    EXPECT_EQ(formatCompactUtc(kNow), "20261126-193405");
    EXPECT_EQ(formatIsoUtc(WallTime{}), "1970-01-01T00:00:00.000Z");
}

TEST(TimeText, ParsesRelativeTimes) {
    EXPECT_EQ(parse("now").value(), kNow);
    EXPECT_EQ(parse("-24h").value(), kNow - 24h);
    EXPECT_EQ(parse("7d").value(), kNow - days{7});
    EXPECT_EQ(parse("-90s").value(), kNow - 90s);
    EXPECT_EQ(parse("30m").value(), kNow - 30min);
    EXPECT_EQ(parse("@1795721645").value(), WallTime{1'795'721'645s});
}

TEST(TimeText, ParsesLocalDatesInTheCurrentZone) {
    const ScopedTimeZone zone("UTC0");
    EXPECT_EQ(parse("2026-11-26").value(), WallTime{1'795'651'200s});
    EXPECT_EQ(parse("2026-11-26T19:34").value(), WallTime{1'795'721'640s});
    EXPECT_EQ(parse("2026-11-26 19:34:05").value(), WallTime{1'795'721'645s});
    EXPECT_EQ(parse("today").value(), WallTime{1'795'651'200s});
    EXPECT_EQ(parse("yesterday").value(), WallTime{1'795'564'800s});
}

TEST(TimeText, TodayAndYesterdayComeFromTheCalendarPassedIn) {
    // 19:34Z on the 26th is 04:34 on the 27th at UTC+9: today began at 15:00Z on the 26th.
    const DayStart tokyo = fixedOffsetDayStart(9h);
    EXPECT_EQ(parseTimeArgument("today", kNow, tokyo).value(), WallTime{1'795'651'200s + 15h});
    EXPECT_EQ(parseTimeArgument("yesterday", kNow, tokyo).value(), WallTime{1'795'651'200s - 9h});
}

TEST(TimeText, LocalDatesFollowTheZone) {
    const ScopedTimeZone zone("JST-9");  // UTC+9, no DST
    EXPECT_EQ(parse("2026-11-26").value(), WallTime{1'795'651'200s - 9h});
}

TEST(TimeText, RefusesNonsenseWithAHint) {
    for (const char* bad : {"", "soon", "-5x", "2026-13-01", "2026-02-30", "2026-11-26T25:00",
                            "2026-11-26T10", "@", "@12abc", "--5m", "1.2.3"}) {
        const auto parsed = parse(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_FALSE(parsed.error().hint.empty());
    }
}

}  // namespace
}  // namespace netmon
