// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <regex>

#include "storage/schema_migrations.h"
#include "storage_test_support.h"

namespace netmon::storage::test {
namespace {

namespace fs = std::filesystem;

class CorruptDatabaseTest : public ::testing::Test {
protected:
    // Every main file in the folder whose name marks it as set aside (not its -wal, -shm).
    std::vector<fs::path> setAside() const {
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(m_dir.path())) {
            const std::string name = entry.path().filename().string();
            const bool companion = name.ends_with("-wal") || name.ends_with("-shm");
            if (name.find(".corrupt-") != std::string::npos && !companion) {
                found.push_back(entry.path());
            }
        }
        std::sort(found.begin(), found.end());
        return found;
    }

    // The writer on m_db, told that m_db is the app's default path when `atDefaultPath` (a
    // damaged file there is ours even without our mark); elsewhere only a marked file is.
    std::unique_ptr<HistoryWriter> openOurs(bool atDefaultPath,
                                            std::vector<std::string>* warnings = nullptr) {
        std::vector<std::string> ignored;
        HistoryWriter::Options options;
        options.path = m_db;
        options.defaultPath = atDefaultPath ? m_db : fs::path();
        options.clock = &m_clock;
        auto writer = HistoryWriter::open(options, warnings ? *warnings : ignored);
        EXPECT_TRUE(writer) << (writer ? "" : writer.error().describe());
        return writer ? std::move(*writer) : nullptr;
    }

    // Opens the writer on the damaged file and checks what a damaged history of our own gets:
    // moved aside unchanged under the name pattern, a warning naming both paths, a working new
    // database.
    void expectSetAsideAndRestarted(const std::string& originalBytes, bool atDefaultPath) {
        std::vector<std::string> warnings;
        {
            auto writer = openOurs(atDefaultPath, &warnings);
            ASSERT_TRUE(writer);
            writer->append({sample("eth0", m_clock.wallNow(), 42, 7)});
            ASSERT_TRUE(writer->flush());
        }
        const auto aside = setAside();
        ASSERT_EQ(aside.size(), 1U);
        EXPECT_EQ(aside[0].filename().string(), "history.db.corrupt-20240610-123456");
        EXPECT_TRUE(readBytes(aside[0]) == originalBytes) << "the set-aside file was changed";
        ASSERT_EQ(warnings.size(), 1U);
        EXPECT_NE(warnings[0].find(m_db.string()), std::string::npos) << warnings[0];
        EXPECT_NE(warnings[0].find(aside[0].string()), std::string::npos) << warnings[0];
        EXPECT_NE(warnings[0].find("damaged"), std::string::npos) << warnings[0];

        EXPECT_EQ(queryInt(m_db, "PRAGMA user_version"), latestSchemaVersion());
        EXPECT_EQ(queryInt(m_db, "SELECT SUM(rx_bytes) FROM samples"), 42);
    }

    TempDir m_dir;
    fs::path m_db = m_dir.path() / "history.db";
    netmon::test::FakeClock m_clock{utc(2024, 6, 10, 12, 34, 56)};
};

// Our file name in our folder: an older build wrote it without the mark, so garbage there is
// our damaged history.
TEST_F(CorruptDatabaseTest, GarbageAtTheDefaultPathIsSetAsideUnchangedAndANewOneStarted) {
    std::string garbage;
    for (int i = 0; i < 8192; ++i) {
        garbage.push_back(static_cast<char>((i * 7919 + 13) % 251));
    }
    writeBytes(m_db, garbage);
    expectSetAsideAndRestarted(garbage, true);
}

// Marked as ours in its header: set aside wherever it is.
TEST_F(CorruptDatabaseTest, TruncatedDatabaseIsSetAsideUnchanged) {
    {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        std::vector<InterfaceSample> samples;
        for (int i = 0; i < 3000; ++i) {
            samples.push_back(sample("eth" + std::to_string(i % 5),
                                     m_clock.wallNow() - std::chrono::seconds(i / 5), 1000, 1));
        }
        writer->append(std::move(samples));
    }
    const std::string whole = readBytes(m_db);
    ASSERT_GT(whole.size(), 40'000U);
    // Cut as a crash during a copy leaves it: the schema then points past the end of the file.
    const std::string truncated = whole.substr(0, whole.size() / 2);
    writeBytes(m_db, truncated);
    expectSetAsideAndRestarted(truncated, false);
}

TEST_F(CorruptDatabaseTest, DamagedDataPageIsFoundByTheIntegrityCheck) {
    {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        std::vector<InterfaceSample> samples;
        for (int i = 0; i < 3000; ++i) {
            samples.push_back(sample("eth0", m_clock.wallNow() - std::chrono::seconds(i), 1, 1));
        }
        writer->append(std::move(samples));
    }
    // Header and schema intact, one b-tree page in the middle scribbled over.
    std::string damaged = readBytes(m_db);
    const std::size_t page = damaged.size() / 4096 / 2 * 4096;
    for (std::size_t i = 0; i < 4096; ++i) {
        damaged[page + i] = static_cast<char>(0xA5 ^ (i * 31));
    }
    writeBytes(m_db, damaged);
    expectSetAsideAndRestarted(damaged, false);
}

TEST_F(CorruptDatabaseTest, WalAndShmCompanionsMoveWithTheMainFile) {
    writeBytes(m_db, std::string(4096, 'x'));
    writeBytes(m_db.string() + "-wal", "not really a wal");
    writeBytes(m_db.string() + "-shm", "nor a shm");
    {
        std::vector<std::string> warnings;
        auto writer = openOurs(true, &warnings);
        ASSERT_TRUE(writer);
    }
    const fs::path aside = m_dir.path() / "history.db.corrupt-20240610-123456";
    EXPECT_TRUE(readBytes(aside) == std::string(4096, 'x'));
    EXPECT_TRUE(readBytes(aside.string() + "-wal") == "not really a wal");
    // The -shm is SQLite's scratch index, rebuilt from the WAL on open: it only has to follow.
    EXPECT_TRUE(fs::exists(aside.string() + "-shm"));
}

TEST_F(CorruptDatabaseTest, TwoDamagedFilesInOneSecondKeepBoth) {
    writeBytes(m_db, std::string(4096, 'a'));
    ASSERT_TRUE(openOurs(true));
    writeBytes(m_db, std::string(4096, 'b'));
    ASSERT_TRUE(openOurs(true));
    const auto aside = setAside();
    ASSERT_EQ(aside.size(), 2U);
    EXPECT_TRUE(readBytes(aside[0]) == std::string(4096, 'a'));
    EXPECT_TRUE(readBytes(aside[1]) == std::string(4096, 'b'));
}

TEST_F(CorruptDatabaseTest, NewerSchemaIsRefusedAndTheFileLeftByteIdentical) {
    {
        auto writer = openWriter(m_db, m_clock);
        ASSERT_TRUE(writer);
        writer->append({sample("eth0", m_clock.wallNow(), 1, 1)});
    }
    {
        auto connection = Connection::open(m_db, SQLITE_OPEN_READWRITE);
        ASSERT_TRUE(connection);
        ASSERT_TRUE(connection->exec("PRAGMA user_version = 99"));
    }
    const std::string before = readBytes(m_db);

    std::vector<std::string> warnings;
    HistoryWriter::Options options;
    options.path = m_db;
    options.clock = &m_clock;
    auto writer = HistoryWriter::open(options, warnings);
    ASSERT_FALSE(writer);
    const std::string text = writer.error().describe();
    EXPECT_NE(text.find("version 99"), std::string::npos) << text;
    EXPECT_NE(text.find("up to version " + std::to_string(latestSchemaVersion())),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("newer Network Monitor"), std::string::npos) << text;
    EXPECT_NE(text.find(m_db.string()), std::string::npos) << text;
    EXPECT_TRUE(readBytes(m_db) == before) << "the refused file was changed";
    EXPECT_TRUE(setAside().empty());
    EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace netmon::storage::test
