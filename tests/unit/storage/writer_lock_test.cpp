// SPDX-License-Identifier: GPL-3.0-or-later
// One writer per history database: a second HistoryWriter on the same file is refused before it
// touches anything, and says who holds it; the lock goes with the writer.
#include <gtest/gtest.h>

#include "platform/file_lock.h"
#include "storage/database_lock.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

class WriterLockTest : public ::testing::Test {
protected:
    tl::expected<std::unique_ptr<HistoryWriter>, WriterOpenError> open(
        const std::filesystem::path& path, const std::string& program) {
        HistoryWriter::Options options;
        options.path = path;
        // As the CLI and the app say: this is our default database, so a damaged file there is
        // ours to set aside (storage/database_owner.h) — unless another writer holds it.
        options.defaultPath = m_db;
        options.clock = &m_clock;
        options.program = program;
        std::vector<std::string> warnings;
        return HistoryWriter::open(options, warnings);
    }

    std::vector<std::filesystem::path> setAside() const {
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
            if (entry.path().filename().string().find(".corrupt-") != std::string::npos) {
                found.push_back(entry.path());
            }
        }
        return found;
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir.path() / "history.db";
    netmon::test::FakeClock m_clock{utc(2024, 6, 10, 12)};
};

TEST_F(WriterLockTest, ASecondWriterIsRefusedAndNamesTheFirst) {
    auto first = open(m_db, "netmon record");
    ASSERT_TRUE(first) << first.error().describe();
    auto second = open(m_db, "netmon-gui");
    ASSERT_FALSE(second);
    EXPECT_TRUE(second.error().locked);
    EXPECT_EQ(second.error().holder, (LockHolder{currentProcessId(), "netmon record"}));
    const std::string text = second.error().describe();
    EXPECT_NE(text.find(m_db.string() + " is recorded by " + std::to_string(currentProcessId()) +
                        " (netmon record)"),
              std::string::npos)
        << text;
    EXPECT_FALSE(second.error().hint.empty());

    // The first goes on writing as if nothing happened.
    (*first)->append({sample("eth0", m_clock.wallNow(), 100, 10)});
    ASSERT_TRUE((*first)->flush());
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(rx_bytes) FROM samples"), 100);
}

TEST_F(WriterLockTest, TheSameFileByAnotherPathIsTheSameLock) {
    auto first = open(m_db, "netmon record");
    ASSERT_TRUE(first) << first.error().describe();
    std::filesystem::create_directory(m_dir.path() / "sub");
    auto second = open(m_dir.path() / "sub" / ".." / "." / "history.db", "netmon record");
    ASSERT_FALSE(second);
    EXPECT_TRUE(second.error().locked) << second.error().describe();
}

TEST_F(WriterLockTest, TheLockGoesWithTheWriter) {
    {
        auto first = open(m_db, "netmon record");
        ASSERT_TRUE(first) << first.error().describe();
        (*first)->append({sample("eth0", m_clock.wallNow(), 100, 10)});
    }  // written, then released
    auto second = open(m_db, "netmon-gui");
    ASSERT_TRUE(second) << second.error().describe();
    EXPECT_EQ(parseLockNote(readBytes(databaseLockPath(m_db))),
              (LockHolder{currentProcessId(), "netmon-gui"}));
    EXPECT_EQ(queryInt(m_db, "SELECT SUM(rx_bytes) FROM samples"), 100);
    second->reset();
    EXPECT_TRUE(std::filesystem::exists(databaseLockPath(m_db)));  // never deleted…
    EXPECT_EQ(readBytes(databaseLockPath(m_db)), "");  // …but no one is named after the end
}

TEST_F(WriterLockTest, ARefusedWriterTouchesNothing) {
    // A damaged file of ours (at the default path) would be set aside by a writer that got in:
    // the lock comes first.
    const std::string garbage(4096, 'g');
    writeBytes(m_db, garbage);
    auto held = tryLockFile(databaseLockPath(m_db), "netmon record");
    ASSERT_TRUE(held) << held.error().error.describe();

    auto refused = open(m_db, "netmon-gui");
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().locked);
    EXPECT_TRUE(readBytes(m_db) == garbage) << "the locked database was changed";
    EXPECT_TRUE(setAside().empty());
    EXPECT_FALSE(std::filesystem::exists(m_db.string() + "-wal"));
}

TEST_F(WriterLockTest, AGarbledNoteNamesAnotherProcess) {
    auto held = tryLockFile(databaseLockPath(m_db), "netmon record");
    ASSERT_TRUE(held) << held.error().error.describe();
    // Whatever a local user wrote there: bounded, validated, never shown raw.
    for (const std::string& note :
         {std::string("12345\nnetmon\x1b]0;owned\x07\n"), std::string("-1\nnetmon record\n"),
          std::string(64 * 1024, '7'), std::string()}) {
        writeBytes(databaseLockPath(m_db), note);
        auto refused = open(m_db, "netmon-gui");
        ASSERT_FALSE(refused);
        EXPECT_TRUE(refused.error().locked);
        EXPECT_EQ(refused.error().holder, std::nullopt);
        const std::string text = refused.error().describe();
        EXPECT_NE(text.find("is recorded by another process"), std::string::npos) << text;
        EXPECT_EQ(text.find("owned"), std::string::npos) << text;
    }
}

}  // namespace
}  // namespace netmon::storage::test
