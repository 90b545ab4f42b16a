// SPDX-License-Identifier: GPL-3.0-or-later
// Full and read-only disks, made real with tmpfs and bind mounts (root ignores file modes, so
// chmod would prove nothing). Skips with the reason where mounting is not allowed.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "unit/storage/storage_test_support.h"

namespace netmon::storage::test {
namespace {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

// A mount that is undone when the test ends, whatever happens.
class ScopedMount {
public:
    explicit ScopedMount(fs::path target) : m_target(std::move(target)) {}
    ~ScopedMount() { ::umount2(m_target.c_str(), MNT_DETACH); }
    ScopedMount(const ScopedMount&) = delete;
    ScopedMount& operator=(const ScopedMount&) = delete;

private:
    fs::path m_target;
};

std::string mountError(const char* what) {
    return std::string(what) + " failed: " + std::strerror(errno) +
           " (needs root with CAP_SYS_ADMIN; run the tests as root to cover this)";
}

// Writes zeros until the file system says ENOSPC.
void fillDisk(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0) << std::strerror(errno);
    const std::string block(4096, '\0');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    const int lastError = errno;
    while (::write(fd, block.data(), 1) > 0) {  // and the last bytes of the last page
    }
    ::close(fd);
    ASSERT_EQ(lastError, ENOSPC);
}

// Appends `count` samples of eth0, rx = first, first+1, …; returns the slowest append.
Steady::duration appendNumbered(HistoryWriter& writer, TimePoint start, int first, int count) {
    Steady::duration slowest{};
    for (int i = first; i < first + count; ++i) {
        const auto before = Steady::now();
        writer.append(
            {sample("eth0", start + std::chrono::seconds(i), static_cast<unsigned>(i), 1)});
        slowest = std::max(slowest, Steady::now() - before);
    }
    return slowest;
}

std::int64_t sumOf(int first, int last) {  // first + … + last
    return (static_cast<std::int64_t>(first) + last) * (last - first + 1) / 2;
}

class WriterOutageTest : public ::testing::Test {
protected:
    TempDir m_dir;
    netmon::test::FakeClock m_clock{utc(2024, 6, 10, 12)};
    const TimePoint m_start = utc(2024, 6, 10, 11);
};

TEST_F(WriterOutageTest, FullDiskKeepsSamplesInMemoryAndWritesThemOnceThereIsRoom) {
    const fs::path disk = m_dir.path() / "disk";
    fs::create_directory(disk);
    if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=2m") != 0) {
        GTEST_SKIP() << mountError("mounting a 2 MiB tmpfs");
    }
    ScopedMount mounted(disk);
    const fs::path db = disk / "history.db";
    auto writer = openWriter(db, m_clock);
    ASSERT_TRUE(writer);
    appendNumbered(*writer, m_start, 1, 1);
    ASSERT_TRUE(writer->flush());

    fillDisk(disk / "filler");
    const auto slowest = appendNumbered(*writer, m_start, 2, 2000);
    EXPECT_LT(slowest, kNeverBlocks);
    auto failed = writer->flush();
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().describe().find("full"), std::string::npos)
        << failed.error().describe();
    WriterStatus status = writer->status();
    EXPECT_FALSE(status.healthy);
    EXPECT_NE(status.lastError.find("free some space"), std::string::npos) << status.lastError;
    EXPECT_NE(status.lastError.find(db.string()), std::string::npos) << status.lastError;
    EXPECT_EQ(status.pendingSamples, 2000U);
    EXPECT_EQ(status.samplesWritten, 1U);

    fs::remove(disk / "filler");
    auto flushed = writer->flush();
    ASSERT_TRUE(flushed) << flushed.error().describe();
    status = writer->status();
    EXPECT_TRUE(status.healthy) << status.lastError;
    EXPECT_EQ(status.pendingSamples, 0U);
    EXPECT_EQ(status.samplesWritten, 2001U);
    EXPECT_EQ(status.samplesDropped, 0U);
    writer.reset();

    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM samples"), 2001);
    EXPECT_EQ(queryInt(db, "SELECT SUM(rx_bytes) FROM samples"), sumOf(1, 2001));
    EXPECT_EQ(queryInt(db, "SELECT SUM(rx_bytes) FROM rollup_minute"), sumOf(1, 2001));
    EXPECT_EQ(queryInt(db, "SELECT SUM(rx_bytes) FROM rollup_day"), sumOf(1, 2001));
}

TEST_F(WriterOutageTest, ReadOnlyDiskRecordsIntoBoundedMemoryUntilItIsWritableAgain) {
    const fs::path source = m_dir.path() / "source";
    const fs::path view = m_dir.path() / "view";
    fs::create_directory(source);
    fs::create_directory(view);
    {
        auto writer = openWriter(source / "history.db", m_clock);
        ASSERT_TRUE(writer);
        appendNumbered(*writer, m_start, 1, 1);
    }
    if (::mount(source.c_str(), view.c_str(), nullptr, MS_BIND, nullptr) != 0) {
        GTEST_SKIP() << mountError("bind-mounting a folder");
    }
    ScopedMount mounted(view);
    ASSERT_EQ(::mount(nullptr, view.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr), 0)
        << std::strerror(errno);

    const fs::path db = view / "history.db";
    std::vector<std::string> warnings;
    HistoryWriter::Options options;
    options.path = db;
    options.clock = &m_clock;
    options.maxPendingSamples = 1000;
    auto opened = HistoryWriter::open(options, warnings);
    ASSERT_TRUE(opened) << opened.error().describe();
    auto& writer = *opened;
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_NE(warnings[0].find("writable"), std::string::npos) << warnings[0];
    EXPECT_FALSE(writer->status().healthy);

    const auto slowest = appendNumbered(*writer, m_start, 2, 1500);
    EXPECT_LT(slowest, kNeverBlocks);
    ASSERT_FALSE(writer->flush());
    WriterStatus status = writer->status();
    EXPECT_FALSE(status.healthy);
    EXPECT_NE(status.lastError.find("writable"), std::string::npos) << status.lastError;
    EXPECT_EQ(status.pendingSamples, 1000U);
    EXPECT_EQ(status.samplesDropped, 500U);  // the oldest: 2 … 501

    ASSERT_EQ(::mount(nullptr, view.c_str(), nullptr, MS_REMOUNT | MS_BIND, nullptr), 0)
        << std::strerror(errno);
    auto flushed = writer->flush();
    ASSERT_TRUE(flushed) << flushed.error().describe();
    status = writer->status();
    EXPECT_TRUE(status.healthy) << status.lastError;
    EXPECT_EQ(status.pendingSamples, 0U);
    EXPECT_EQ(status.samplesWritten, 1000U);
    writer.reset();

    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM samples"), 1001);
    EXPECT_EQ(queryInt(db, "SELECT SUM(rx_bytes) FROM samples"), 1 + sumOf(502, 1501));
    EXPECT_EQ(queryInt(db, "SELECT SUM(rx_bytes) FROM rollup_hour"), 1 + sumOf(502, 1501));
}

}  // namespace
}  // namespace netmon::storage::test
