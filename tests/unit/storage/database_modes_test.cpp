// SPDX-License-Identifier: GPL-3.0-or-later
// The history names the hosts this user talks to: under the usual umask 022 the database, its
// -wal and -shm, its folders and the copies set aside must still be readable by the owner only,
// checked with stat(). POSIX only (Linux build).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <future>

#include "fakes/file_mode.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using netmon::test::modeOf;

class DatabaseModesTest : public ::testing::Test {
protected:
    std::unique_ptr<HistoryWriter> open(const fs::path& path, const fs::path& defaultPath = {}) {
        HistoryWriter::Options options;
        options.path = path;
        options.defaultPath = defaultPath;
        options.clock = &m_clock;
        auto writer = HistoryWriter::open(options, m_warnings);
        EXPECT_TRUE(writer) << (writer ? "" : writer.error().describe());
        return writer ? std::move(*writer) : nullptr;
    }

    TempDir m_dir;
    netmon::test::FakeClock m_clock{utc(2024, 6, 10, 12, 34, 56)};
    std::vector<std::string> m_warnings;
    netmon::test::ScopedUmask m_umask;
};

TEST_F(DatabaseModesTest, NewDatabaseItsWalShmAndFoldersArePrivate) {
    const fs::path db = m_dir.path() / "data" / "netmon" / "history.db";
    auto writer = open(db);
    ASSERT_TRUE(writer);
    writer->append({sample("eth0", m_clock.wallNow(), 42, 7)});
    ASSERT_TRUE(writer->flush());
    // While the writer is open, SQLite keeps the -wal and -shm beside the file.
    ASSERT_TRUE(fs::exists(db.string() + "-wal"));
    ASSERT_TRUE(fs::exists(db.string() + "-shm"));
    EXPECT_EQ(modeOf(m_dir.path() / "data"), 0700U);
    EXPECT_EQ(modeOf(m_dir.path() / "data" / "netmon"), 0700U);
    EXPECT_EQ(modeOf(db), 0600U);
    EXPECT_EQ(modeOf(db.string() + "-wal"), 0600U);
    EXPECT_EQ(modeOf(db.string() + "-shm"), 0600U);
}

TEST_F(DatabaseModesTest, AnOlderReadableDatabaseOfOursIsMadePrivate) {
    const fs::path db = m_dir.path() / "history.db";
    ASSERT_TRUE(open(db));
    ASSERT_EQ(::chmod(db.c_str(), 0644), 0);  // as an older build left it under umask 022
    auto writer = open(db);
    ASSERT_TRUE(writer);
    EXPECT_EQ(modeOf(db), 0600U);
    writer->append({sample("eth0", m_clock.wallNow(), 1, 1)});
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(modeOf(db.string() + "-wal"), 0600U);
}

TEST_F(DatabaseModesTest, DamagedCopiesSetAsideArePrivate) {
    const fs::path db = m_dir.path() / "history.db";
    writeBytes(db, std::string(4096, 'x'));
    writeBytes(db.string() + "-wal", "not really a wal");
    ASSERT_EQ(::chmod(db.c_str(), 0644), 0);
    ASSERT_EQ(::chmod((db.string() + "-wal").c_str(), 0644), 0);
    ASSERT_TRUE(open(db, db));
    const fs::path aside = m_dir.path() / "history.db.corrupt-20240610-123456";
    ASSERT_TRUE(readBytes(aside) == std::string(4096, 'x'));
    EXPECT_EQ(modeOf(aside), 0600U);
    EXPECT_EQ(modeOf(aside.string() + "-wal"), 0600U);
    EXPECT_EQ(modeOf(db), 0600U) << "the new database";
}

// A FIFO given as the database: SQLite would wait on it forever. The open runs on a thread so
// that a regression fails here instead of hanging; a writer is then opened to free it.
TEST_F(DatabaseModesTest, AFifoIsRefusedWithoutWaitingAndLeftAlone) {
    const fs::path fifo = m_dir.path() / "history.db";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto opening = std::async(std::launch::async, [&] {
        HistoryWriter::Options options;
        options.path = fifo;
        options.clock = &m_clock;
        std::vector<std::string> warnings;
        return HistoryWriter::open(options, warnings).has_value();
    });
    if (opening.wait_for(30s) != std::future_status::ready) {
        ::close(::open(fifo.c_str(), O_WRONLY | O_NONBLOCK));
        FAIL() << "opening the history waited on a FIFO";
    }
    EXPECT_FALSE(opening.get());
    struct stat status {};
    ASSERT_EQ(::lstat(fifo.c_str(), &status), 0);
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir.path()), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace netmon::storage::test
