// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/schema_migrations.h"

#include <gtest/gtest.h>

#include "storage/time_buckets.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

class SchemaMigrationsTest : public ::testing::Test {
protected:
    ScopedTimeZone m_zone{kBerlin};
    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
};

// What a v1 build left behind: interfaces and raw samples, no rollups.
void createVersion1(const std::filesystem::path& path) {
    auto connection = Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(connection);
    ASSERT_TRUE(migrateSchema(*connection, 1));
    ASSERT_TRUE(
        connection->exec("INSERT INTO interfaces (id, name) VALUES (1, 'eth0'), (2, 'wlan0')"));
    auto insert = connection->prepare("INSERT INTO samples VALUES (?1, ?2, 1000, ?3, ?4, ?5, ?6)");
    ASSERT_TRUE(insert);
    struct Row {
        TimePoint time;
        std::int64_t iface, rx, tx;
    };
    // Berlin in June is UTC+2: local midnight of 10 June is 2024-06-09T22:00Z.
    const std::vector<Row> rows{
        {utc(2024, 6, 9, 21, 59, 59), 1, 3, 1},  // 9 June local
        {utc(2024, 6, 9, 22, 0, 0), 1, 5, 2},    // 10 June local
        {utc(2024, 6, 9, 22, 0, 30), 1, 7, 4},         {utc(2024, 6, 9, 22, 0, 30), 2, 11, 8},
        {utc(2024, 6, 9, 22, 59, 59, 999), 2, 13, 16}, {utc(2024, 6, 9, 23, 0, 0), 2, 17, 32},
    };
    for (const Row& row : rows) {
        insert->bind(1, toUnixMs(row.time));
        insert->bind(2, row.iface);
        insert->bind(3, row.rx);
        insert->bind(4, row.tx);
        insert->bind(5, 1);
        insert->bind(6, 1);
        ASSERT_TRUE(insert->run());
    }
}

TEST_F(SchemaMigrationsTest, Version1DatabaseIsUpgradedAndRollupsBackfilledFromRawSamples) {
    createVersion1(m_db);
    ASSERT_EQ(queryInt(m_db, "PRAGMA user_version"), 1);

    netmon::test::FakeClock clock{utc(2024, 6, 10, 0, 0)};  // the raw rows are still kept
    {
        auto writer = openWriter(m_db, clock);
        ASSERT_TRUE(writer);
    }
    EXPECT_EQ(queryInt(m_db, "PRAGMA user_version"), latestSchemaVersion());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 6);

    const TimePoint since = utc(2024, 6, 9);
    const TimePoint until = utc(2024, 6, 11);
    expectRows(queryRows(m_db, Resolution::Minute, since, until),
               {{utc(2024, 6, 9, 21, 59), "eth0", 3, 1},
                {utc(2024, 6, 9, 22, 0), "eth0", 12, 6},
                {utc(2024, 6, 9, 22, 0), "wlan0", 11, 8},
                {utc(2024, 6, 9, 22, 59), "wlan0", 13, 16},
                {utc(2024, 6, 9, 23, 0), "wlan0", 17, 32}});
    expectRows(queryRows(m_db, Resolution::Hour, since, until),
               {{utc(2024, 6, 9, 21), "eth0", 3, 1},
                {utc(2024, 6, 9, 22), "eth0", 12, 6},
                {utc(2024, 6, 9, 22), "wlan0", 24, 24},
                {utc(2024, 6, 9, 23), "wlan0", 17, 32}});
    expectRows(queryRows(m_db, Resolution::Day, utc(2024, 6, 8), until),
               {{utc(2024, 6, 8, 22), "eth0", 3, 1},
                {utc(2024, 6, 9, 22), "eth0", 12, 6},
                {utc(2024, 6, 9, 22), "wlan0", 41, 56}});
}

TEST_F(SchemaMigrationsTest, IngestAfterUpgradeAddsToTheBackfilledBuckets) {
    createVersion1(m_db);
    netmon::test::FakeClock clock{utc(2024, 6, 10, 0, 0)};
    {
        auto writer = openWriter(m_db, clock);
        ASSERT_TRUE(writer);
        writer->append({sample("eth0", utc(2024, 6, 9, 22, 0, 45), 100, 200)});
    }  // the destructor writes it
    expectRows(
        queryRows(m_db, Resolution::Minute, utc(2024, 6, 9, 22), utc(2024, 6, 9, 22, 1), "eth0"),
        {{utc(2024, 6, 9, 22, 0), "eth0", 112, 206}});
}

// An empty file at our default path (a crash right after creating it): ours to fill. Elsewhere
// an empty file is refused (database_owner_test).
TEST_F(SchemaMigrationsTest, EmptyFileAtTheDefaultPathIsVersion0AndGetsTheWholeSchema) {
    writeBytes(m_db, "");
    netmon::test::FakeClock clock;
    {
        HistoryWriter::Options options;
        options.path = m_db;
        options.defaultPath = m_db;
        options.clock = &clock;
        std::vector<std::string> warnings;
        auto writer = HistoryWriter::open(options, warnings);
        ASSERT_TRUE(writer) << writer.error().describe();
    }
    EXPECT_EQ(queryInt(m_db, "PRAGMA user_version"), latestSchemaVersion());
    EXPECT_EQ(queryInt(m_db,
                       "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                       "('interfaces', 'samples', 'rollup_minute', 'rollup_hour', "
                       "'rollup_day')"),
              5);
    auto connection = Connection::open(m_db, SQLITE_OPEN_READONLY);
    ASSERT_TRUE(connection);
    EXPECT_EQ(connection->queryText("PRAGMA journal_mode").value_or(""), "wal");
}

TEST_F(SchemaMigrationsTest, MissingFolderAndFileAreCreated) {
    const auto nested = m_dir.path() / "a" / "b" / "history.db";
    netmon::test::FakeClock clock;
    {
        auto writer = openWriter(nested, clock);
        ASSERT_TRUE(writer);
    }
    EXPECT_EQ(queryInt(nested, "PRAGMA user_version"), latestSchemaVersion());
}

TEST_F(SchemaMigrationsTest, MigratingACurrentDatabaseChangesNothing) {
    createVersion1(m_db);
    auto connection = Connection::open(m_db, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(connection);
    ASSERT_TRUE(migrateSchema(*connection));
    const auto rollups = connection->queryInt("SELECT SUM(rx_bytes) FROM rollup_day");
    ASSERT_TRUE(migrateSchema(*connection));  // again: must not backfill twice
    EXPECT_EQ(connection->queryInt("SELECT SUM(rx_bytes) FROM rollup_day").value_or(-1),
              rollups.value_or(-2));
    EXPECT_EQ(rollups.value_or(-2), 56);
}

}  // namespace
}  // namespace netmon::storage::test
