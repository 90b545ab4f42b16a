// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

using std::chrono::hours;

class RollupsTest : public ::testing::Test {
protected:
    void write(std::vector<InterfaceSample> samples) {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        writer->append(std::move(samples));
        auto flushed = writer->flush();
        ASSERT_TRUE(flushed) << flushed.error().describe();
    }

    ScopedTimeZone m_zone{kBerlin};
    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    // Retention runs at open and then only when this clock moves, which these tests never do.
    netmon::test::FakeClock m_clock{utc(2024, 11, 1)};
};

// Berlin is UTC+2 in June: local midnight of 10 June is 2024-06-09T22:00Z.
TEST_F(RollupsTest, MinuteHourAndDayBucketsAreExactSumsAcrossBoundaries) {
    write({
        sample("eth0", utc(2024, 6, 9, 21, 59, 59), 1, 0),  // 9 June, local 23:59:59
        sample("eth0", utc(2024, 6, 9, 22, 0, 0), 2, 0),    // 10 June, local 00:00:00
        sample("eth0", utc(2024, 6, 10, 10, 0, 59, 999), 100, 10),
        sample("eth0", utc(2024, 6, 10, 10, 1, 0), 200, 20),
        sample("wlan0", utc(2024, 6, 10, 10, 1, 30), 1000, 100),
        sample("eth0", utc(2024, 6, 10, 10, 59, 59), 400, 40),
        sample("eth0", utc(2024, 6, 10, 11, 0, 0), 800, 80),
    });
    const TimePoint since = utc(2024, 6, 8);
    const TimePoint until = utc(2024, 6, 11);

    expectRows(queryRows(m_db, Resolution::Minute, since, until),
               {{utc(2024, 6, 9, 21, 59), "eth0", 1, 0},
                {utc(2024, 6, 9, 22, 0), "eth0", 2, 0},
                {utc(2024, 6, 10, 10, 0), "eth0", 100, 10},
                {utc(2024, 6, 10, 10, 1), "eth0", 200, 20},
                {utc(2024, 6, 10, 10, 1), "wlan0", 1000, 100},
                {utc(2024, 6, 10, 10, 59), "eth0", 400, 40},
                {utc(2024, 6, 10, 11, 0), "eth0", 800, 80}});
    expectRows(queryRows(m_db, Resolution::Hour, since, until),
               {{utc(2024, 6, 9, 21), "eth0", 1, 0},
                {utc(2024, 6, 9, 22), "eth0", 2, 0},
                {utc(2024, 6, 10, 10), "eth0", 700, 70},
                {utc(2024, 6, 10, 10), "wlan0", 1000, 100},
                {utc(2024, 6, 10, 11), "eth0", 800, 80}});
    expectRows(queryRows(m_db, Resolution::Day, since, until),
               {{utc(2024, 6, 8, 22), "eth0", 1, 0},
                {utc(2024, 6, 9, 22), "eth0", 1502, 150},
                {utc(2024, 6, 9, 22), "wlan0", 1000, 100}});
    const auto raw = queryRows(m_db, Resolution::Raw, since, until);
    ASSERT_EQ(raw.size(), 7U);
    EXPECT_EQ(raw[2].start, utc(2024, 6, 10, 10, 0, 59, 999));
}

// 31 March 2024 has 23 hours in Berlin and 27 October 25: day keys follow local midnight.
TEST_F(RollupsTest, DayBucketsFollowLocalMidnightOverDaylightSavingChanges) {
    write({
        sample("eth0", utc(2024, 3, 30, 22, 59, 59), 5, 0),   // 30 March, 23:59:59 CET
        sample("eth0", utc(2024, 3, 30, 23, 0, 0), 7, 0),     // 31 March, 00:00 CET
        sample("eth0", utc(2024, 3, 31, 21, 59, 59), 11, 0),  // 31 March, 23:59:59 CEST
        sample("eth0", utc(2024, 3, 31, 22, 0, 0), 13, 0),    // 1 April, 00:00 CEST
        sample("eth0", utc(2024, 10, 27, 22, 30, 0), 17, 0),  // 27 October, 23:30 CET
        sample("eth0", utc(2024, 10, 27, 23, 0, 0), 19, 0),   // 28 October, 00:00 CET
    });
    expectRows(queryRows(m_db, Resolution::Day, utc(2024, 3, 1), utc(2024, 11, 1)),
               {{utc(2024, 3, 29, 23), "eth0", 5, 0},
                {utc(2024, 3, 30, 23), "eth0", 18, 0},
                {utc(2024, 3, 31, 22), "eth0", 13, 0},
                {utc(2024, 10, 26, 22), "eth0", 17, 0},
                {utc(2024, 10, 27, 23), "eth0", 19, 0}});
}

TEST_F(RollupsTest, SamplesOnTheSameKeyAddUpWhenTheWallClockJumpsBack) {
    const TimePoint t = utc(2024, 6, 10, 10, 0, 30);
    auto writer = openWriter(m_db, m_clock);
    ASSERT_TRUE(writer);
    writer->append({sample("eth0", t, 100, 1, 3, 4), sample("eth0", t + hours(1), 5, 5)});
    ASSERT_TRUE(writer->flush());
    // The clock went back an hour: the same instants come again, in a later batch.
    writer->append({sample("eth0", t, 50, 2, 5, 6), sample("eth0", t + hours(1), 7, 7)});
    ASSERT_TRUE(writer->flush());

    const auto raw = queryRows(m_db, Resolution::Raw, t, t + std::chrono::seconds(1));
    ASSERT_EQ(raw.size(), 1U);
    EXPECT_EQ(raw[0].rxBytes, 150U);
    EXPECT_EQ(raw[0].txBytes, 3U);
    EXPECT_EQ(raw[0].rxPackets, 8U);
    EXPECT_EQ(raw[0].txPackets, 10U);
    EXPECT_EQ(queryInt(m_db, "SELECT duration_ms FROM samples WHERE rx_bytes = 150"), 2000);
    expectRows(queryRows(m_db, Resolution::Hour, utc(2024, 6, 10), utc(2024, 6, 11)),
               {{utc(2024, 6, 10, 10), "eth0", 150, 3}, {utc(2024, 6, 10, 11), "eth0", 12, 12}});
}

TEST_F(RollupsTest, BatchesWrittenSeparatelyAddIntoTheSameBucket) {
    const TimePoint t = utc(2024, 6, 10, 10, 0, 0);
    auto writer = openWriter(m_db, m_clock);
    ASSERT_TRUE(writer);
    for (int second = 0; second < 60; ++second) {
        writer->append({sample("eth0", t + std::chrono::seconds(second), 10, 1)});
        if (second % 7 == 0) {
            ASSERT_TRUE(writer->flush());
        }
    }
    ASSERT_TRUE(writer->flush());
    expectRows(queryRows(m_db, Resolution::Minute, t, t + hours(1)), {{t, "eth0", 600, 60}});
    EXPECT_EQ(writer->status().samplesWritten, 60U);
}

TEST_F(RollupsTest, QueryIsHalfOpenAndFiltersOneInterface) {
    write({sample("eth0", utc(2024, 6, 10, 10), 1, 0), sample("wlan0", utc(2024, 6, 10, 10), 2, 0),
           sample("eth0", utc(2024, 6, 10, 11), 4, 0)});
    expectRows(queryRows(m_db, Resolution::Hour, utc(2024, 6, 10, 10), utc(2024, 6, 10, 11)),
               {{utc(2024, 6, 10, 10), "eth0", 1, 0}, {utc(2024, 6, 10, 10), "wlan0", 2, 0}});
    expectRows(queryRows(m_db, Resolution::Hour, utc(2024, 6, 10), utc(2024, 6, 11), "eth0"),
               {{utc(2024, 6, 10, 10), "eth0", 1, 0}, {utc(2024, 6, 10, 11), "eth0", 4, 0}});
    EXPECT_TRUE(
        queryRows(m_db, Resolution::Hour, utc(2024, 6, 10), utc(2024, 6, 11), "ppp0").empty());
}

}  // namespace
}  // namespace netmon::storage::test
