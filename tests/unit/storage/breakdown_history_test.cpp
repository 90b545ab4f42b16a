// SPDX-License-Identifier: GPL-3.0-or-later
// Schema v3: per-host and per-process totals per hour and per local day.
#include <gtest/gtest.h>

#include "storage/schema_migrations.h"
#include "storage/snapshot_samples.h"
#include "storage/time_buckets.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

using namespace std::chrono_literals;

BreakdownSample host(const char* name, TimePoint time, std::uint64_t in, std::uint64_t out) {
    return BreakdownSample{Breakdown::Host, name, time, in, out};
}

BreakdownSample process(const char* name, TimePoint time, std::uint64_t in, std::uint64_t out) {
    return BreakdownSample{Breakdown::Process, name, time, in, out};
}

class BreakdownHistoryTest : public ::testing::Test {
protected:
    std::vector<BreakdownRow> totals(Breakdown dimension, TimePoint since, TimePoint until,
                                     std::size_t limit = 10) {
        auto reader = HistoryReader::open(m_db);
        EXPECT_TRUE(reader) << (reader ? "" : reader.error().describe());
        auto rows = (*reader)->breakdown(BreakdownQuery{dimension, since, until, limit});
        EXPECT_TRUE(rows) << (rows ? "" : rows.error().describe());
        return rows ? *rows : std::vector<BreakdownRow>{};
    }

    ScopedTimeZone m_zone{kBerlin};
    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    netmon::test::FakeClock m_clock{utc(2024, 6, 12)};
};

TEST_F(BreakdownHistoryTest, TotalsPerHostAndProcessAreExactSumsOverTheRange) {
    {
        auto writer = openWriter(m_db, m_clock);
        writer->append(std::vector<BreakdownSample>{
            host("198.51.100.7", utc(2024, 6, 10, 9, 59, 59), 1'000, 10),
            host("198.51.100.7", utc(2024, 6, 10, 10, 0, 1), 2'000, 20),  // next hour
            host("198.51.100.7", utc(2024, 6, 10, 10, 0, 1), 5, 5),       // same instant: adds up
            host("203.0.113.5", utc(2024, 6, 10, 10, 30), 300, 30),
            process("198.51.100.7", utc(2024, 6, 10, 10, 0), 1, 1),  // other dimension
            process("firefox", utc(2024, 6, 10, 10, 0), 4'000, 400),
        });
        ASSERT_TRUE(writer->flush());
    }
    const auto hosts = totals(Breakdown::Host, utc(2024, 6, 10), utc(2024, 6, 11));
    ASSERT_EQ(hosts.size(), 2U);
    EXPECT_EQ(hosts[0].name, "198.51.100.7");
    EXPECT_EQ(hosts[0].bytesIn, 3'005U);
    EXPECT_EQ(hosts[0].bytesOut, 35U);
    EXPECT_EQ(hosts[1].name, "203.0.113.5");
    EXPECT_EQ(hosts[1].bytesOut, 30U);

    // Whole hours: 10:00–11:00 leaves out the 09:59:59 sample.
    const auto tenOClock = totals(Breakdown::Host, utc(2024, 6, 10, 10), utc(2024, 6, 10, 11));
    ASSERT_FALSE(tenOClock.empty());
    EXPECT_EQ(tenOClock[0].bytesIn, 2'005U);

    const auto processes = totals(Breakdown::Process, utc(2024, 6, 10), utc(2024, 6, 11));
    ASSERT_EQ(processes.size(), 2U);
    EXPECT_EQ(processes[0].name, "firefox");
    EXPECT_EQ(processes[1].bytesIn, 1U);

    EXPECT_EQ(totals(Breakdown::Host, utc(2024, 6, 10), utc(2024, 6, 11), 1).size(), 1U);
    EXPECT_EQ(queryInt(m_db,
                       "SELECT SUM(bytes_in) FROM breakdown_day WHERE key_id IN "
                       "(SELECT id FROM breakdown_keys WHERE dimension = 1)"),
              3'305);
}

TEST_F(BreakdownHistoryTest, DaysFollowTheLocalCalendar) {
    {
        auto writer = openWriter(m_db, m_clock);
        // Berlin is UTC+2 in June: 21:59:59Z is 9 June local, 22:00:00Z is 10 June.
        writer->append(
            std::vector<BreakdownSample>{host("192.0.2.1", utc(2024, 6, 9, 21, 59, 59), 7, 0),
                                         host("192.0.2.1", utc(2024, 6, 9, 22, 0, 0), 11, 0)});
        ASSERT_TRUE(writer->flush());
    }
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_day"), 2);
    EXPECT_EQ(queryInt(m_db, "SELECT bytes_in FROM breakdown_day WHERE ts = " +
                                 std::to_string(toUnixMs(utc(2024, 6, 9, 22)))),
              11);
}

TEST_F(BreakdownHistoryTest, RetentionRemovesOldBreakdowns) {
    {
        auto writer = openWriter(m_db, m_clock, nullptr, RetentionPolicy{24h, 1});
        writer->append(std::vector<BreakdownSample>{host("192.0.2.1", utc(2024, 6, 1), 1, 1),
                                                    host("192.0.2.1", utc(2024, 6, 11, 23), 2, 2)});
        ASSERT_TRUE(writer->flush());
        writer->setRetention(RetentionPolicy{24h, 1});
        ASSERT_TRUE(writer->flush());
    }
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_hour"), 1);
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(bytes_in) FROM breakdown_hour"), 2);
}

TEST_F(BreakdownHistoryTest, Version2DatabaseGainsTheTablesAndKeepsItsData) {
    {
        auto connection = Connection::open(m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        ASSERT_TRUE(connection);
        ASSERT_TRUE(migrateSchema(*connection, 2));
        ASSERT_TRUE(connection->exec(
            "INSERT INTO interfaces (id, name) VALUES (1, 'eth0');"
            "INSERT INTO rollup_day VALUES (1717970400000, 1, 86400000, 123, 456, 7, 8)"));
    }
    ASSERT_EQ(queryInt(m_db, "PRAGMA user_version"), 2);
    {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        writer->append(std::vector<BreakdownSample>{host("192.0.2.1", utc(2024, 6, 11), 9, 9)});
        ASSERT_TRUE(writer->flush());
    }
    EXPECT_EQ(queryInt(m_db, "PRAGMA user_version"), latestSchemaVersion());
    EXPECT_EQ(queryInt(m_db, "SELECT rx_bytes FROM rollup_day"), 123);
    EXPECT_EQ(queryInt(m_db, "SELECT bytes_in FROM breakdown_hour"), 9);
}

// An older version stored names as the system gave them: here a process name cut by the kernel
// inside "€" and an interface name with a 0xFF byte, written with plain SQL as that version's
// writer would have. Reading them back must give valid UTF-8 (JSON and Qt reject anything else),
// with each broken part shown as U+FFFD.
TEST_F(BreakdownHistoryTest, NamesStoredWithInvalidUtf8AreReadAsValidText) {
    {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        writer->append(std::vector<BreakdownSample>{process("curl", utc(2024, 6, 10, 10), 1, 1)});
        ASSERT_TRUE(writer->flush());
    }
    {
        auto db = Connection::open(m_db, SQLITE_OPEN_READWRITE);
        ASSERT_TRUE(db);
        const std::string hour = std::to_string(toUnixMs(utc(2024, 6, 10, 10)));
        // X'C39C…E282': "Überwachung-" and the first two bytes of € (E2 82 AC).
        for (const std::string& sql : {
                 std::string("INSERT INTO breakdown_keys (dimension, name) VALUES "
                             "(2, CAST(X'C39C62657277616368756E672DE282' AS TEXT))"),
                 "INSERT INTO breakdown_hour (ts, key_id, bytes_in, bytes_out) VALUES (" + hour +
                     ", last_insert_rowid(), 700, 70)",
                 std::string("INSERT INTO interfaces (name) VALUES (CAST(X'65FF30' AS TEXT))"),
                 "INSERT INTO rollup_hour VALUES (" + hour +
                     ", last_insert_rowid(), 1000, 500, 50, 5, 1)",
             }) {
            ASSERT_TRUE(db->exec(sql)) << sql;
        }
    }
    const auto processes = totals(Breakdown::Process, utc(2024, 6, 10), utc(2024, 6, 11));
    ASSERT_EQ(processes.size(), 2U);
    EXPECT_EQ(processes[0].name,
              "\xC3\x9C"
              "berwachung-\xEF\xBF\xBD");
    EXPECT_EQ(processes[0].bytesIn, 700U);
    EXPECT_EQ(processes[1].name, "curl");

    const auto rows = queryRows(m_db, Resolution::Hour, utc(2024, 6, 10), utc(2024, 6, 11));
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].interfaceName,
              "e\xEF\xBF\xBD"
              "0");
    EXPECT_EQ(rows[0].rxBytes, 500U);
}

TEST(BreakdownSamples, HostsOnlyWhenThePrivacySettingAllows) {
    Snapshot snapshot;
    snapshot.wallTime = utc(2024, 6, 10);
    snapshot.hostTraffic = {{"198.51.100.7", 10, 20}};
    snapshot.processTraffic = {{"curl", 10, 20}};
    const auto all = breakdownSamplesFromSnapshot(snapshot, true);
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].dimension, Breakdown::Host);
    EXPECT_EQ(all[0].name, "198.51.100.7");
    EXPECT_EQ(all[0].time, snapshot.wallTime);
    const auto noHosts = breakdownSamplesFromSnapshot(snapshot, false);
    ASSERT_EQ(noHosts.size(), 1U);
    EXPECT_EQ(noHosts[0].dimension, Breakdown::Process);
}

}  // namespace
}  // namespace netmon::storage::test
