// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/history_writer.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

using Steady = std::chrono::steady_clock;

class HistoryWriterTest : public ::testing::Test {
protected:
    std::unique_ptr<HistoryWriter> open(std::chrono::milliseconds flushInterval) {
        HistoryWriter::Options options;
        options.path = m_db;
        options.clock = &m_clock;
        options.flushInterval = flushInterval;
        std::vector<std::string> warnings;
        auto writer = HistoryWriter::open(options, warnings);
        EXPECT_TRUE(writer) << (writer ? "" : writer.error().describe());
        EXPECT_TRUE(warnings.empty());
        return writer ? std::move(*writer) : nullptr;
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    netmon::test::FakeClock m_clock{utc(2024, 6, 10, 12)};
    const TimePoint m_start = utc(2024, 6, 10, 11);
};

// `netmon record` relies on this when SIGINT or SIGTERM ends it.
TEST_F(HistoryWriterTest, DestructorWritesEverythingPending) {
    auto writer = open(std::chrono::hours(1));  // no timed flush will come
    ASSERT_TRUE(writer);
    for (int tick = 0; tick < 3000; ++tick) {
        std::vector<InterfaceSample> samples;
        for (int iface = 0; iface < 5; ++iface) {
            samples.push_back(
                sample("eth" + std::to_string(iface), m_start + std::chrono::seconds(tick), 10, 1));
        }
        writer->append(std::move(samples));
    }
    EXPECT_EQ(writer->status().pendingSamples, 15'000U);
    writer.reset();
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 15'000);
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(rx_bytes) FROM rollup_hour"), 150'000);
}

TEST_F(HistoryWriterTest, TimedFlushWritesWithoutBeingAsked) {
    auto writer = open(std::chrono::milliseconds(20));
    ASSERT_TRUE(writer);
    writer->append({sample("eth0", m_start, 5, 5)});
    const auto deadline = Steady::now() + std::chrono::seconds(5);
    while (writer->status().samplesWritten == 0 && Steady::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(writer->status().samplesWritten, 1U);
    EXPECT_EQ(writer->status().pendingSamples, 0U);
}

TEST_F(HistoryWriterTest, AppendDoesNotWaitWhileTheDatabaseIsLocked) {
    auto writer = open(std::chrono::hours(1));
    ASSERT_TRUE(writer);
    auto blocker = Connection::open(m_db, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(blocker);
    ASSERT_TRUE(blocker->exec("BEGIN IMMEDIATE"));  // another writer holds the lock

    writer->append({sample("eth0", m_start, 1, 1)});
    auto flushing = std::async(std::launch::async, [&] { return writer->flush(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the thread now waits
    const auto before = Steady::now();
    for (int i = 1; i <= 100; ++i) {
        writer->append({sample("eth0", m_start + std::chrono::seconds(i), 1, 1)});
    }
    EXPECT_LT(Steady::now() - before, kNeverBlocks);
    EXPECT_EQ(flushing.wait_for(std::chrono::seconds(0)), std::future_status::timeout);

    ASSERT_TRUE(blocker->exec("COMMIT"));
    ASSERT_TRUE(flushing.get());
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM samples"), 101);
}

TEST_F(HistoryWriterTest, ConcurrentAppendsAllLandExactly) {
    auto writer = open(std::chrono::milliseconds(10));
    ASSERT_TRUE(writer);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                writer->append({sample("if" + std::to_string(t),
                                       m_start + std::chrono::milliseconds(i * 500), 3, 1)});
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(writer->status().samplesWritten, 8000U);
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(rx_bytes) FROM samples"), 24'000);
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(rx_bytes) FROM rollup_minute"), 24'000);
    EXPECT_EQ(queryInt(m_db, "SELECT COUNT(*) FROM interfaces"), 4);
}

TEST_F(HistoryWriterTest, FlushWithNothingPendingSucceeds) {
    auto writer = open(std::chrono::hours(1));
    ASSERT_TRUE(writer);
    EXPECT_TRUE(writer->flush());
    EXPECT_TRUE(writer->status().healthy);
}

}  // namespace
}  // namespace netmon::storage::test
