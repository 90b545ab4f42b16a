// SPDX-License-Identifier: GPL-3.0-or-later
// Only our own history database is ever written, moved or replaced: a path given for it that
// holds anything else (a text file, a folder, another program's SQLite database) is refused and
// left byte for byte, name for name, as it was.
#include "storage/database_owner.h"

#include <gtest/gtest.h>

#include <set>

#include "storage/schema_migrations.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

namespace fs = std::filesystem;

class DatabaseOwnerTest : public ::testing::Test {
protected:
    std::set<std::string> names() const {
        std::set<std::string> found;
        for (const auto& entry : fs::directory_iterator(m_dir.path())) {
            found.insert(entry.path().filename().string());
        }
        return found;
    }

    Result<std::unique_ptr<HistoryWriter>> open(const fs::path& path,
                                                const fs::path& defaultPath = {}) {
        HistoryWriter::Options options;
        options.path = path;
        options.defaultPath = defaultPath;
        options.clock = &m_clock;
        m_warnings.clear();
        return HistoryWriter::open(options, m_warnings);
    }

    // Opening for writing and for reading both refuse `path`, and nothing in the folder changed.
    void expectRefusedUntouched(const fs::path& path, const std::string& why) {
        const std::string before = fs::is_regular_file(path) ? readBytes(path) : "";
        const auto namesBefore = names();
        auto writer = open(path);
        ASSERT_FALSE(writer) << why;
        const std::string text = writer.error().describe();
        EXPECT_NE(text.find(path.string()), std::string::npos) << text;
        EXPECT_NE(text.find("left alone"), std::string::npos) << text;
        EXPECT_TRUE(m_warnings.empty());
        auto reader = HistoryReader::open(path);
        ASSERT_FALSE(reader) << why;
        EXPECT_NE(reader.error().message.find("left alone"), std::string::npos)
            << reader.error().message;
        EXPECT_EQ(names(), namesBefore) << "nothing renamed, created or removed: " << why;
        if (fs::is_regular_file(path)) {
            EXPECT_TRUE(readBytes(path) == before) << "the file was changed: " << why;
        }
    }

    // A SQLite database that some other program made, in its own journal mode.
    void makeForeignDatabase(const fs::path& path, std::int32_t applicationId,
                             const char* journal) {
        auto db = Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("PRAGMA application_id = " + std::to_string(applicationId)));
        ASSERT_TRUE(db->queryText(std::string("PRAGMA journal_mode = ") + journal));
        ASSERT_TRUE(
            db->exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES "
                     "('ada');"));
    }

    TempDir m_dir;
    netmon::test::FakeClock m_clock{utc(2024, 6, 10, 12, 34, 56)};
    std::vector<std::string> m_warnings;
};

TEST_F(DatabaseOwnerTest, TextFileIsRefusedAndLeftAlone) {
    const fs::path file = m_dir.path() / "passwd";
    writeBytes(file, "root:x:0:0:root:/root:/bin/bash\n");
    expectRefusedUntouched(file, "a text file");
}

TEST_F(DatabaseOwnerTest, FolderIsRefusedAndLeftAlone) {
    const fs::path folder = m_dir.path() / "history.db";
    fs::create_directory(folder);
    writeBytes(folder / "inside", "keep");
    expectRefusedUntouched(folder, "a folder");
    EXPECT_TRUE(readBytes(folder / "inside") == "keep");
}

TEST_F(DatabaseOwnerTest, EmptyFileElsewhereIsRefused) {
    const fs::path file = m_dir.path() / "notes.db";
    writeBytes(file, "");
    expectRefusedUntouched(file, "an empty file");
}

TEST_F(DatabaseOwnerTest, AnotherProgramsMarkedDatabaseIsRefusedEvenAtTheDefaultPath) {
    const fs::path file = m_dir.path() / "history.db";
    makeForeignDatabase(file, 0x12345678, "DELETE");
    expectRefusedUntouched(file, "another program's database");
    ASSERT_FALSE(open(file, file)) << "our file name, but not our mark";
}

TEST_F(DatabaseOwnerTest, UnmarkedDatabaseWithoutOurTablesIsRefusedWithoutAShm) {
    const fs::path file = m_dir.path() / "contacts.db";
    makeForeignDatabase(file, 0, "WAL");  // WAL: SQLite would add -shm beside it to read it
    expectRefusedUntouched(file, "an unmarked database of someone else");
}

TEST_F(DatabaseOwnerTest, DamagedUnmarkedFileElsewhereIsRefusedNotSetAside) {
    const fs::path file = m_dir.path() / "old.db";
    std::string bytes(4096, '\xA5');
    bytes.replace(0, 16, std::string("SQLite format 3\0", 16));
    writeBytes(file, bytes);
    expectRefusedUntouched(file, "a damaged file without our mark");
}

TEST_F(DatabaseOwnerTest, NewDatabaseCarriesOurMarkInItsHeaderAtOnce) {
    const fs::path file = m_dir.path() / "new" / "history.db";
    auto writer = open(file);
    ASSERT_TRUE(writer) << writer.error().describe();
    // Read while the writer still has it open (WAL not yet checkpointed): the mark is in the
    // main file, where a damaged file's header is read.
    const std::string header = readBytes(file).substr(0, 100);
    ASSERT_EQ(header.size(), 100U);
    EXPECT_EQ(header.substr(68, 4), "NMON");
}

TEST_F(DatabaseOwnerTest, OurUnmarkedDatabaseFromBeforeTheMarkIsKeptAndMarked) {
    const fs::path file = m_dir.path() / "elsewhere.db";
    {
        // As an older Network Monitor left it: our tables, no application_id.
        auto db = Connection::open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrateSchema(*db));
        // A recent sample, so that retention keeps it.
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             m_clock.wallNow().time_since_epoch())
                             .count();
        ASSERT_TRUE(
            db->exec("INSERT INTO interfaces (id, name) VALUES (1, 'eth0');"
                     "INSERT INTO samples VALUES (" +
                     std::to_string(now) + ", 1, 1000, 5, 6, 1, 1);"));
    }
    ASSERT_EQ(queryInt(file, "PRAGMA application_id"), 0);
    {
        auto writer = open(file);
        ASSERT_TRUE(writer) << writer.error().describe();
        EXPECT_TRUE(m_warnings.empty());
    }
    EXPECT_EQ(queryInt(file, "PRAGMA application_id"), static_cast<std::int64_t>(kApplicationId));
    EXPECT_EQ(queryInt(file, "SELECT rx_bytes FROM samples"), 5) << "the history was kept";
}

TEST_F(DatabaseOwnerTest, EmptyFileAtTheDefaultPathBecomesOurDatabase) {
    const fs::path file = m_dir.path() / "history.db";
    writeBytes(file, "");
    auto writer = open(file, file);
    ASSERT_TRUE(writer) << writer.error().describe();
    writer->reset();
    EXPECT_EQ(queryInt(file, "PRAGMA application_id"), static_cast<std::int64_t>(kApplicationId));
}

}  // namespace
}  // namespace netmon::storage::test
