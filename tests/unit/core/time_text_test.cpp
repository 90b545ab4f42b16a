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

TEST(TimeText, FormatsUtc) {
    EXPECT_EQ(formatIsoUtc(kNow), "2026-11-26T19:34:05.250Z");
    EXPECT_EQ(formatCompactUtc(kNow), "20261126-193405");
    EXPECT_EQ(formatIsoUtc(WallTime{}), "1970-01-01T00:00:00.000Z");
}

TEST(TimeText, ParsesRelativeTimes) {
    EXPECT_EQ(parseTimeArgument("now", kNow).value(), kNow);
    EXPECT_EQ(parseTimeArgument("-24h", kNow).value(), kNow - 24h);
    EXPECT_EQ(parseTimeArgument("7d", kNow).value(), kNow - days{7});
    EXPECT_EQ(parseTimeArgument("-90s", kNow).value(), kNow - 90s);
    EXPECT_EQ(parseTimeArgument("30m", kNow).value(), kNow - 30min);
    EXPECT_EQ(parseTimeArgument("@1795721645", kNow).value(), WallTime{1'795'721'645s});
}

TEST(TimeText, ParsesLocalDatesInTheCurrentZone) {
    const ScopedTimeZone zone("UTC0");
    EXPECT_EQ(parseTimeArgument("2026-11-26", kNow).value(), WallTime{1'795'651'200s});
    EXPECT_EQ(parseTimeArgument("2026-11-26T19:34", kNow).value(), WallTime{1'795'721'640s});
    EXPECT_EQ(parseTimeArgument("2026-11-26 19:34:05", kNow).value(), WallTime{1'795'721'645s});
    EXPECT_EQ(parseTimeArgument("today", kNow).value(), WallTime{1'795'651'200s});
    EXPECT_EQ(parseTimeArgument("yesterday", kNow).value(), WallTime{1'795'564'800s});
}

TEST(TimeText, LocalDatesFollowTheZone) {
    const ScopedTimeZone zone("JST-9");  // UTC+9, no DST
    EXPECT_EQ(parseTimeArgument("2026-11-26", kNow).value(), WallTime{1'795'651'200s - 9h});
}

TEST(TimeText, RefusesNonsenseWithAHint) {
    for (const char* bad : {"", "soon", "-5x", "2026-13-01", "2026-02-30", "2026-11-26T25:00",
                            "2026-11-26T10", "@", "@12abc", "--5m", "1.2.3"}) {
        const auto parsed = parseTimeArgument(bad, kNow);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_FALSE(parsed.error().hint.empty());
    }
}

}  // namespace
}  // namespace netmon
