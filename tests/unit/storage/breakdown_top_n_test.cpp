// SPDX-License-Identifier: GPL-3.0-or-later
// Per-host and per-process history keeps the top N keys of each hour and day and sums the rest
// in one "other" row, exactly; keys no kept row uses are pruned. The expected values are the
// test's own sums of what it appended.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "storage/time_buckets.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kTopN = 200;

std::string hostName(int i) {
    return "198.18." + std::to_string(i / 256) + "." + std::to_string(i % 256);
}

struct Sent {
    std::uint64_t in = 0;
    std::uint64_t out = 0;
};

// Host i's traffic in one hour: 1,000 hosts, all different, given out over ten ticks the
// worst way round: the smaller half sends everything in the first tick (so they fill the rows
// first), the larger half a tenth in each tick.
std::map<std::string, Sent> appendHour(HistoryWriter& writer, TimePoint hour, int hosts = 1'000) {
    std::map<std::string, Sent> sent;
    for (int tick = 0; tick < 10; ++tick) {
        std::vector<BreakdownSample> samples;
        for (int i = 0; i < hosts; ++i) {
            const std::uint64_t total = 1'000 + 13 * static_cast<std::uint64_t>(i);
            std::uint64_t in = 0;
            if (i < hosts / 2) {
                in = tick == 0 ? total : 0;
            } else {
                in = total / 10 + (tick == 0 ? total % 10 : 0);
            }
            if (in == 0) {
                continue;
            }
            const std::uint64_t out = in / 4;
            samples.push_back(
                {Breakdown::Host, hostName(i), hour + std::chrono::minutes(5 * tick), in, out});
            sent[hostName(i)].in += in;
            sent[hostName(i)].out += out;
        }
        writer.append(std::move(samples));
        EXPECT_TRUE(writer.flush());  // one batch per tick
    }
    return sent;
}

struct StoredRow {
    std::string name;
    std::int64_t in;
    std::int64_t out;
};

// The rows of one bucket, straight from the table: (dimension, name, in, out).
std::vector<std::pair<std::int64_t, StoredRow>> storedRows(const std::filesystem::path& db,
                                                           const char* table, TimePoint start) {
    auto connection = Connection::open(db, SQLITE_OPEN_READONLY);
    EXPECT_TRUE(connection);
    auto statement = connection->prepare(
        std::string("SELECT k.dimension, k.name, b.bytes_in, b.bytes_out FROM ") + table +
        " AS b JOIN breakdown_keys AS k ON k.id = b.key_id WHERE b.ts = ?1");
    EXPECT_TRUE(statement);
    statement->bind(1, toUnixMs(start));
    std::vector<std::pair<std::int64_t, StoredRow>> rows;
    while (auto row = statement->step()) {
        if (!*row) {
            break;
        }
        rows.push_back({statement->int64At(0),
                        {statement->textAt(1), statement->int64At(2), statement->int64At(3)}});
    }
    return rows;
}

// The N largest hosts keep exact rows of their own; one "other" row holds exactly the rest.
void expectTopNAndOther(const std::vector<std::pair<std::int64_t, StoredRow>>& rows,
                        const std::map<std::string, Sent>& sent) {
    std::vector<std::pair<std::uint64_t, std::string>> bySize;
    for (const auto& [name, bytes] : sent) {
        bySize.emplace_back(bytes.in + bytes.out, name);
    }
    std::sort(bySize.rbegin(), bySize.rend());
    std::map<std::string, Sent> top;
    Sent rest;
    for (std::size_t i = 0; i < bySize.size(); ++i) {
        const Sent& bytes = sent.at(bySize[i].second);
        if (i < kTopN) {
            top[bySize[i].second] = bytes;
        } else {
            rest.in += bytes.in;
            rest.out += bytes.out;
        }
    }
    std::map<std::string, Sent> named;
    std::vector<StoredRow> others;
    for (const auto& [dimension, row] : rows) {
        if (dimension == 1) {
            named[row.name] = {static_cast<std::uint64_t>(row.in),
                               static_cast<std::uint64_t>(row.out)};
        } else {
            ASSERT_EQ(dimension, 3) << "hosts' other";
            others.push_back(row);
        }
    }
    ASSERT_EQ(named.size(), kTopN);
    for (const auto& [name, bytes] : top) {
        ASSERT_TRUE(named.contains(name)) << name << " is among the top " << kTopN;
        EXPECT_EQ(named[name].in, bytes.in) << name;
        EXPECT_EQ(named[name].out, bytes.out) << name;
    }
    ASSERT_EQ(others.size(), 1U);
    EXPECT_EQ(others[0].name, "other");
    EXPECT_EQ(static_cast<std::uint64_t>(others[0].in), rest.in);
    EXPECT_EQ(static_cast<std::uint64_t>(others[0].out), rest.out);
}

class BreakdownTopNTest : public ::testing::Test {
protected:
    std::unique_ptr<HistoryWriter> writer() {
        return openWriter(m_db, m_clock, nullptr, RetentionPolicy{24h, 90, kTopN});
    }

    ScopedTimeZone m_zone{kBerlin};
    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    netmon::test::FakeClock m_clock{utc(2024, 6, 12)};
};

TEST_F(BreakdownTopNTest, AThousandHostsInAnHourKeepTheTop200AndOneExactOtherRow) {
    const TimePoint hour = utc(2024, 6, 11, 10);
    std::map<std::string, Sent> sent;
    {
        auto history = writer();
        sent = appendHour(*history, hour);
    }
    ASSERT_EQ(sent.size(), 1'000U);
    expectTopNAndOther(storedRows(m_db, "breakdown_hour", hour), sent);
    // The day (12:00 local) holds the same hosts and the same split.
    expectTopNAndOther(storedRows(m_db, "breakdown_day", utc(2024, 6, 10, 22)), sent);

    const std::uint64_t totalIn =
        std::accumulate(sent.begin(), sent.end(), std::uint64_t{0},
                        [](std::uint64_t sum, const auto& entry) { return sum + entry.second.in; });
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(bytes_in) FROM breakdown_hour"),
              static_cast<std::int64_t>(totalIn));
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(bytes_in) FROM breakdown_day"),
              static_cast<std::int64_t>(totalIn));
    // Only keys that a row uses are stored: the 200 hosts and "other".
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_keys"), 201);
}

TEST_F(BreakdownTopNTest, EachHourHasItsOwnTopNAndOther) {
    const TimePoint first = utc(2024, 6, 11, 10);
    const TimePoint second = utc(2024, 6, 11, 11);
    std::map<std::string, Sent> sentFirst;
    std::map<std::string, Sent> sentSecond;
    {
        auto history = writer();
        sentFirst = appendHour(*history, first);
        // The second hour: 600 other hosts (numbered from 1,000), a new ranking.
        std::vector<BreakdownSample> samples;
        for (int i = 1'000; i < 1'600; ++i) {
            const std::uint64_t in = 50'000 - 7 * static_cast<std::uint64_t>(i);
            samples.push_back({Breakdown::Host, hostName(i), second + 30min, in, 1});
            sentSecond[hostName(i)] = {in, 1};
        }
        history->append(std::move(samples));
        ASSERT_TRUE(history->flush());
    }
    expectTopNAndOther(storedRows(m_db, "breakdown_hour", first), sentFirst);
    expectTopNAndOther(storedRows(m_db, "breakdown_hour", second), sentSecond);
    // The day holds both hours' 1,600 hosts: its own top 200 of them, and the rest.
    std::map<std::string, Sent> day = sentFirst;
    day.insert(sentSecond.begin(), sentSecond.end());
    expectTopNAndOther(storedRows(m_db, "breakdown_day", utc(2024, 6, 10, 22)), day);
}

TEST_F(BreakdownTopNTest, AFloodOfNewHostsStoresABoundedNumberOfKeys) {
    std::uint64_t sentIn = 0;
    {
        auto history = writer();
        for (int tick = 0; tick < 20; ++tick) {
            std::vector<BreakdownSample> samples;
            for (int i = 0; i < 5'000; ++i) {  // a new source per sample, 100,000 in all
                const int source = tick * 5'000 + i;
                samples.push_back({Breakdown::Host,
                                   "10." + std::to_string(source / 65536) + "." +
                                       std::to_string(source / 256 % 256) + "." +
                                       std::to_string(source % 256),
                                   utc(2024, 6, 11, 10, 0, tick), 60, 0});
                sentIn += 60;
            }
            history->append(std::move(samples));
            ASSERT_TRUE(history->flush());
        }
    }
    EXPECT_LE(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_keys"), 2 * 200 + 1);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_hour"), 201);
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(bytes_in) FROM breakdown_hour"),
              static_cast<std::int64_t>(sentIn));
}

TEST_F(BreakdownTopNTest, TheReaderShowsOtherLastAndApartFromAProcessCalledOther) {
    {
        auto history = openWriter(m_db, m_clock, nullptr, RetentionPolicy{24h, 90, 10});
        std::vector<BreakdownSample> samples;
        for (int i = 0; i < 15; ++i) {
            samples.push_back({Breakdown::Process, "worker-" + std::to_string(i),
                               utc(2024, 6, 11, 10, 30), 1'000 + static_cast<std::uint64_t>(i), 0});
        }
        // A real process named "other", big enough to keep its own row.
        samples.push_back({Breakdown::Process, "other", utc(2024, 6, 11, 10, 30), 99'999, 5});
        history->append(std::move(samples));
        ASSERT_TRUE(history->flush());
    }
    auto reader = HistoryReader::open(m_db);
    ASSERT_TRUE(reader);
    auto rows = (*reader)->breakdown(
        BreakdownQuery{Breakdown::Process, utc(2024, 6, 11), utc(2024, 6, 12), 20});
    ASSERT_TRUE(rows) << rows.error().describe();
    ASSERT_EQ(rows->size(), 11U);  // 10 processes, then "other"
    EXPECT_EQ((*rows)[0].name, "other");
    EXPECT_FALSE((*rows)[0].other);
    EXPECT_EQ((*rows)[0].bytesIn, 99'999U);
    const BreakdownRow& other = rows->back();
    EXPECT_TRUE(other.other);
    EXPECT_EQ(other.name, "other");
    // The six smallest workers (0…5) are beyond the top 10.
    EXPECT_EQ(other.bytesIn, 6U * 1'000U + (0U + 1U + 2U + 3U + 4U + 5U));
    EXPECT_EQ(other.bytesOut, 0U);
    // Hosts have none of it.
    auto hosts =
        (*reader)->breakdown(BreakdownQuery{Breakdown::Host, utc(2024, 6, 11), utc(2024, 6, 12)});
    ASSERT_TRUE(hosts);
    EXPECT_TRUE(hosts->empty());
}

TEST_F(BreakdownTopNTest, ALowerLimitAppliesToTheNextWriteOfTheBucket) {
    const TimePoint hour = utc(2024, 6, 11, 10);
    std::uint64_t sent = 0;
    {
        auto history = writer();
        std::vector<BreakdownSample> samples;
        for (int i = 0; i < 100; ++i) {
            samples.push_back({Breakdown::Host, hostName(i), hour, 100 + 10 * std::uint64_t(i), 0});
            sent += 100 + 10 * std::uint64_t(i);
        }
        history->append(std::move(samples));
        ASSERT_TRUE(history->flush());
        EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_hour"), 100);
        history->setRetention(RetentionPolicy{24h, 90, 10});
        history->append(std::vector<BreakdownSample>{{Breakdown::Host, hostName(99), hour, 1, 0}});
        sent += 1;
        ASSERT_TRUE(history->flush());
    }
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_hour"), 11);  // 10 and "other"
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(bytes_in) FROM breakdown_hour"),
              static_cast<std::int64_t>(sent));
    // The 90 hosts that lost their last row lost their keys too.
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_keys WHERE dimension = 1"), 10);
}

TEST_F(BreakdownTopNTest, RetentionDropsKeysThatNoKeptRowUses) {
    {
        auto history = openWriter(m_db, m_clock, nullptr, RetentionPolicy{24h, 1, kTopN});
        history->append(std::vector<BreakdownSample>{
            {Breakdown::Host, "192.0.2.1", utc(2024, 6, 1, 10), 5, 5},  // beyond 1 day
            {Breakdown::Process, "old-tool", utc(2024, 6, 1, 10), 5, 5},
            {Breakdown::Host, "192.0.2.2", utc(2024, 6, 11, 23), 7, 7},  // kept
            {Breakdown::Process, "curl", utc(2024, 6, 11, 23), 7, 7},
        });
        ASSERT_TRUE(history->flush());
        EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_keys"), 4);
        history->setRetention(RetentionPolicy{24h, 1, kTopN});
        ASSERT_TRUE(history->flush());
        // A host the writer saw before retention ran comes back: its key is made anew.
        history->append(std::vector<BreakdownSample>{
            {Breakdown::Host, "192.0.2.1", utc(2024, 6, 11, 23), 3, 3}});
        ASSERT_TRUE(history->flush());
    }
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_keys WHERE name = 'old-tool'"), 0);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM breakdown_keys"), 3);
    EXPECT_EQ(queryInt(m_db,
                       "SELECT COUNT(*) FROM breakdown_hour AS h LEFT JOIN breakdown_keys "
                       "AS k ON k.id = h.key_id WHERE k.id IS NULL"),
              0);
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(bytes_in) FROM breakdown_hour"), 7 + 7 + 3);
}

}  // namespace
}  // namespace netmon::storage::test
