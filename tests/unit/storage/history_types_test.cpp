// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/history_types.h"

#include <gtest/gtest.h>

namespace netmon::storage {
namespace {

TEST(HistoryTypesTest, ResolutionNamesRoundTrip) {
    for (Resolution resolution :
         {Resolution::Raw, Resolution::Minute, Resolution::Hour, Resolution::Day}) {
        EXPECT_EQ(parseResolution(toString(resolution)), resolution);
    }
    EXPECT_EQ(toString(Resolution::Minute), "minute");
}

TEST(HistoryTypesTest, ParseIgnoresCaseAndRefusesOtherWords) {
    EXPECT_EQ(parseResolution("Hour"), Resolution::Hour);
    EXPECT_EQ(parseResolution("DAY"), Resolution::Day);
    EXPECT_FALSE(parseResolution(""));
    EXPECT_FALSE(parseResolution("hours"));
    EXPECT_FALSE(parseResolution("week"));
}

TEST(HistoryTypesTest, BreakdownNamesAreThoseOfHistoryBy) {
    EXPECT_EQ(toString(Breakdown::Host), "host");
    EXPECT_EQ(toString(Breakdown::Process), "process");
    EXPECT_EQ(parseBreakdown("host"), Breakdown::Host);
    EXPECT_EQ(parseBreakdown("process"), Breakdown::Process);
    EXPECT_FALSE(parseBreakdown("hosts"));
    EXPECT_FALSE(parseBreakdown("Process"));
}

}  // namespace
}  // namespace netmon::storage
