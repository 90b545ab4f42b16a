// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "storage/time_buckets.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class RetentionTest : public ::testing::Test {
protected:
    std::unique_ptr<HistoryWriter> open() {
        HistoryWriter::Options options;
        options.path = m_db;
        options.clock = &m_clock;
        options.retention = RetentionPolicy{hours(24), 2};
        options.retentionInterval = minutes(1);
        std::vector<std::string> warnings;
        auto writer = HistoryWriter::open(options, warnings);
        EXPECT_TRUE(writer) << (writer ? "" : writer.error().describe());
        return writer ? std::move(*writer) : nullptr;
    }

    // How many rows of `table` hold the instant `time` (bucketed as that table keys it).
    std::int64_t rowsAt(const char* table, TimePoint time) const {
        return queryInt(m_db, std::string("SELECT COUNT(*) FROM ") + table +
                                  " WHERE ts = " + std::to_string(toUnixMs(time)));
    }

    ScopedTimeZone m_zone{"UTC0"};
    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    const TimePoint m_t0 = utc(2024, 6, 10, 12);
    netmon::test::FakeClock m_clock{m_t0};
};

TEST_F(RetentionTest, WriterPrunesRawAfterTheWindowAndRollupsAfterRetentionDays) {
    auto writer = open();
    ASSERT_TRUE(writer);
    const TimePoint a = m_t0 - hours(25);  // 9 June 11:00
    const TimePoint b = m_t0 - hours(23);  // 9 June 13:00
    const TimePoint c = m_t0 - hours(49);  // 8 June 11:00
    writer->append({sample("eth0", a, 1, 1), sample("eth0", b, 2, 2), sample("eth0", c, 4, 4)});
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 3);  // not due yet

    m_clock.advance(std::chrono::seconds(30));  // less than retentionInterval: still not due
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 3);

    // Now 10 June 12:02: raw before 9 June 12:02 and rollups before 8 June 12:02 go, except
    // the day of 8 June, which still reaches into the window.
    m_clock.advance(minutes(2) - std::chrono::seconds(30));
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(rowsAt("samples", a), 0);
    EXPECT_EQ(rowsAt("samples", b), 1);
    EXPECT_EQ(rowsAt("samples", c), 0);
    EXPECT_EQ(rowsAt("rollup_minute", a), 1);
    EXPECT_EQ(rowsAt("rollup_minute", c), 0);
    EXPECT_EQ(rowsAt("rollup_hour", a), 1);
    EXPECT_EQ(rowsAt("rollup_hour", c), 0);
    EXPECT_EQ(rowsAt("rollup_day", utc(2024, 6, 8)), 1);
    EXPECT_EQ(rowsAt("rollup_day", utc(2024, 6, 9)), 1);

    // A day later (11 June 12:02): rollups before 9 June 12:02 go, and the day of 8 June.
    m_clock.advance(hours(24));
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 0);
    EXPECT_EQ(rowsAt("rollup_minute", a), 0);
    EXPECT_EQ(rowsAt("rollup_minute", b), 1);
    EXPECT_EQ(rowsAt("rollup_hour", a), 0);
    EXPECT_EQ(rowsAt("rollup_hour", b), 1);
    EXPECT_EQ(rowsAt("rollup_day", utc(2024, 6, 8)), 0);
    EXPECT_EQ(rowsAt("rollup_day", utc(2024, 6, 9)), 1);
    EXPECT_EQ(queryInt(m_db, "SELECT rx_bytes FROM rollup_day"), 3);  // a + b, exact
}

TEST_F(RetentionTest, OpeningAppliesRetentionWithTheClockOfThatMoment) {
    {
        auto writer = open();
        ASSERT_TRUE(writer);
        writer->append({sample("eth0", m_t0 - hours(1), 5, 5)});
    }
    m_clock.advance(hours(24 * 5));
    {
        auto writer = open();
        ASSERT_TRUE(writer);
    }
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 0);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM rollup_minute"), 0);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM rollup_hour"), 0);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM rollup_day"), 0);
}

TEST_F(RetentionTest, SetRetentionAppliesTheNewPolicyAtOnce) {
    auto writer = open();
    ASSERT_TRUE(writer);
    writer->append({sample("eth0", m_t0 - hours(2), 1, 1), sample("eth0", m_t0 - hours(30), 1, 1)});
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 2);
    writer->setRetention(RetentionPolicy{hours(1), 1});
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 0);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM rollup_hour"), 1);  // 30 h old: gone
}

}  // namespace
}  // namespace netmon::storage::test
