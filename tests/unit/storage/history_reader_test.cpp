// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/history_reader.h"

#include <gtest/gtest.h>

#include "storage/schema_migrations.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

class HistoryReaderTest : public ::testing::Test {
protected:
    void write(std::vector<InterfaceSample> samples) {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        writer->append(std::move(samples));
        ASSERT_TRUE(writer->flush());
    }

    std::vector<UsageTotals> usage(TimePoint now) {
        auto reader = HistoryReader::open(m_db);
        EXPECT_TRUE(reader) << (reader ? "" : reader.error().describe());
        if (!reader) {
            return {};
        }
        auto totals = (*reader)->usage(now);
        EXPECT_TRUE(totals) << (totals ? "" : totals.error().describe());
        return totals ? *totals : std::vector<UsageTotals>{};
    }

    static void expectUsage(const UsageTotals& got, const std::string& name, std::uint64_t todayRx,
                            std::uint64_t todayTx, std::uint64_t monthRx, std::uint64_t monthTx) {
        SCOPED_TRACE(name);
        EXPECT_EQ(got.interfaceName, name);
        EXPECT_EQ(got.todayRxBytes, todayRx);
        EXPECT_EQ(got.todayTxBytes, todayTx);
        EXPECT_EQ(got.monthRxBytes, monthRx);
        EXPECT_EQ(got.monthTxBytes, monthTx);
    }

    ScopedTimeZone m_zone{kBerlin};
    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    netmon::test::FakeClock m_clock{utc(2024, 11, 1)};
};

// Berlin is UTC+1 in November: 1 November starts at 2024-10-31T23:00Z.
TEST_F(HistoryReaderTest, UsageSplitsTodayAndThisMonthByTheLocalCalendar) {
    write({
        sample("wlan0", utc(2024, 10, 15, 12), 5000, 500),
        sample("eth0", utc(2024, 10, 31, 22, 59, 59), 1000, 100),  // 31 Oct, 23:59:59 local
        sample("eth0", utc(2024, 10, 31, 23, 0, 0), 10, 1),        // 1 Nov, 00:00 local
        sample("eth0", utc(2024, 10, 31, 23, 20, 0), 20, 2),
        sample("eth0", utc(2024, 11, 15, 12), 400, 40),
        sample("wlan0", utc(2024, 11, 15, 13), 7, 3),
    });

    auto october = usage(utc(2024, 10, 31, 12));
    ASSERT_EQ(october.size(), 2U);
    expectUsage(october[0], "eth0", 1000, 100, 1000, 100);
    expectUsage(october[1], "wlan0", 0, 0, 5000, 500);

    auto firstOfNovember = usage(utc(2024, 10, 31, 23, 30));  // 00:30 local on 1 November
    ASSERT_EQ(firstOfNovember.size(), 1U);
    expectUsage(firstOfNovember[0], "eth0", 30, 3, 30, 3);

    auto midNovember = usage(utc(2024, 11, 15, 18));
    ASSERT_EQ(midNovember.size(), 2U);
    expectUsage(midNovember[0], "eth0", 400, 40, 430, 43);
    expectUsage(midNovember[1], "wlan0", 7, 3, 7, 3);
}

TEST_F(HistoryReaderTest, MissingFileSaysToRecordFirst) {
    auto reader = HistoryReader::open(m_db);
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.error().message.find(m_db.string()), std::string::npos);
    EXPECT_NE(reader.error().hint.find("netmon record"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(m_db));  // reading never creates it
}

TEST_F(HistoryReaderTest, NewerSchemaIsRefusedAndLeftUntouched) {
    const int kNewer = latestSchemaVersion() + 1;
    write({sample("eth0", utc(2024, 10, 31), 1, 1)});
    {
        auto connection = Connection::open(m_db, SQLITE_OPEN_READWRITE);
        ASSERT_TRUE(connection);
        ASSERT_TRUE(connection->exec("PRAGMA user_version = " + std::to_string(kNewer)));
    }
    const std::string before = readBytes(m_db);
    auto reader = HistoryReader::open(m_db);
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.error().message.find("schema version " + std::to_string(kNewer)),
              std::string::npos)
        << reader.error().describe();
    EXPECT_TRUE(readBytes(m_db) == before) << "the refused file was changed";
}

TEST_F(HistoryReaderTest, OlderSchemaAsksForAnUpgradeByRecording) {
    {
        auto connection = Connection::open(m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        ASSERT_TRUE(connection);
        ASSERT_TRUE(migrateSchema(*connection, 1));
    }
    auto reader = HistoryReader::open(m_db);
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.error().hint.find("netmon record"), std::string::npos);
}

TEST_F(HistoryReaderTest, DamagedFileIsAnErrorAndIsNotMoved) {
    writeBytes(m_db, std::string(4096, 'z'));
    auto reader = HistoryReader::open(m_db);
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.error().message.find(m_db.string()), std::string::npos);
    EXPECT_TRUE(readBytes(m_db) == std::string(4096, 'z'));
}

TEST_F(HistoryReaderTest, ReadsWhileTheWriterRuns) {
    auto writer = openWriter(m_db, m_clock);
    ASSERT_TRUE(writer);
    writer->append({sample("eth0", utc(2024, 10, 31, 10), 1, 1)});
    ASSERT_TRUE(writer->flush());

    auto reader = HistoryReader::open(m_db);
    ASSERT_TRUE(reader) << reader.error().describe();
    const HistoryQuery query{{}, utc(2024, 10, 31), utc(2024, 11, 1), Resolution::Raw};
    EXPECT_EQ((*reader)->query(query).value_or(std::vector<HistoryRow>{}).size(), 1U);

    writer->append({sample("eth0", utc(2024, 10, 31, 11), 1, 1)});
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ((*reader)->query(query).value_or(std::vector<HistoryRow>{}).size(), 2U);
}

}  // namespace
}  // namespace netmon::storage::test
