// SPDX-License-Identifier: GPL-3.0-or-later
// What the POSIX file functions promise, checked with stat() under the usual umask 022: our
// files 0600 and folders 0700, a symlinked settings file still a link after a save, no
// temporary name to plant a link under, and reads that refuse FIFOs and devices.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>

#include "core/config.h"
#include "core/file_io.h"
#include "fakes/file_mode.h"
#include "fakes/temp_dir.h"
#include "fakes/text_file.h"

namespace netmon {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using test::modeOf;
using test::readText;
using test::writeText;

class FileIoLinux : public testing::Test {
protected:
    test::ScopedUmask m_umask;
    test::TempDir m_dir;
};

TEST_F(FileIoLinux, WritesCreatePrivateFilesAndFolders) {
    const fs::path file = m_dir.path() / "a" / "b" / "config.json";
    ASSERT_TRUE(saveConfig(Config{}, file));
    EXPECT_EQ(modeOf(m_dir.path() / "a"), 0700U);
    EXPECT_EQ(modeOf(m_dir.path() / "a" / "b"), 0700U);
    EXPECT_EQ(modeOf(file), 0600U);
}

TEST_F(FileIoLinux, ReplacingAReadableFileMakesItPrivate) {
    const fs::path file = m_dir.path() / "config.json";
    writeText(file, "{}");
    ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
    ASSERT_TRUE(writeFileAtomically(file, "new"));
    EXPECT_EQ(modeOf(file), 0600U);
    EXPECT_EQ(readText(file), "new");
}

TEST_F(FileIoLinux, ASymlinkedSettingsFileStaysALinkAndItsTargetGetsTheContent) {
    fs::create_directory(m_dir.path() / "dotfiles");
    const fs::path target = m_dir.path() / "dotfiles" / "netmon.json";
    writeText(target, "{}");
    const fs::path link = m_dir.path() / "config.json";
    fs::create_symlink("dotfiles/netmon.json", link);  // relative, as dotfile managers make them

    Config config;
    config.retentionDays = 42;
    ASSERT_TRUE(saveConfig(config, link));
    ASSERT_TRUE(fs::is_symlink(fs::symlink_status(link)));
    EXPECT_EQ(fs::read_symlink(link), "dotfiles/netmon.json");
    EXPECT_EQ(readText(target), serializeConfig(config));
    EXPECT_EQ(modeOf(target), 0600U);
    EXPECT_EQ(loadConfig(link, ConfigLocation::Given).config.retentionDays, 42);
}

TEST_F(FileIoLinux, ALinkPlantedUnderTheOldTemporaryNameIsNeverWrittenThrough) {
    const fs::path victim = m_dir.path() / "victim";
    writeText(victim, "precious");
    const fs::path file = m_dir.path() / "config.json";
    // The name the old code used for its temporary file: predictable, opened with O_TRUNC.
    fs::create_symlink(victim, file.string() + ".tmp-" + std::to_string(::getpid()));
    ASSERT_TRUE(writeFileAtomically(file, "settings"));
    EXPECT_EQ(readText(victim), "precious");
    EXPECT_EQ(readText(file), "settings");
}

TEST_F(FileIoLinux, NewPrivateFileRefusesWhateverIsAlreadyThere) {
    const fs::path victim = m_dir.path() / "victim";
    writeText(victim, "precious");
    const fs::path link = m_dir.path() / "history.db";
    fs::create_symlink(victim, link);
    EXPECT_FALSE(createPrivateFile(link));
    EXPECT_FALSE(createPrivateFile(victim));
    EXPECT_EQ(readText(victim), "precious");
    EXPECT_EQ(modeOf(victim), 0644U);
}

TEST_F(FileIoLinux, MoveAsideKeepsTheBytesAndMakesThemPrivate) {
    const fs::path file = m_dir.path() / "config.json";
    writeText(file, "{broken");
    ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
    const auto aside = moveAside(file, std::chrono::system_clock::time_point{});
    ASSERT_TRUE(aside) << aside.error().describe();
    EXPECT_EQ(readText(*aside), "{broken");
    EXPECT_EQ(modeOf(*aside), 0600U);
}

TEST_F(FileIoLinux, DamagedDefaultSettingsAreKeptPrivate) {
    const fs::path file = m_dir.path() / "config.json";
    writeText(file, "not json");
    ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
    ASSERT_FALSE(loadConfig(file, ConfigLocation::Default).refused);
    ASSERT_EQ(std::distance(fs::directory_iterator(m_dir.path()), fs::directory_iterator()), 1);
    const fs::path aside = fs::directory_iterator(m_dir.path())->path();
    EXPECT_TRUE(aside.filename().string().starts_with("config.json.corrupt-")) << aside;
    EXPECT_EQ(modeOf(aside), 0600U);
}

TEST_F(FileIoLinux, ReadsRefuseDevicesAndFolders) {
    const auto device = readWholeFile("/dev/null");
    ASSERT_FALSE(device);
    EXPECT_NE(device.error().message.find("not a regular file"), std::string::npos)
        << device.error().message;
    const auto folder = readWholeFile(m_dir.path());
    ASSERT_FALSE(folder);
    EXPECT_NE(folder.error().message.find("is a folder"), std::string::npos);
}

// A FIFO with no writer: opening it for reading would wait forever. The read runs on a thread
// so that a regression fails here instead of hanging; a writer is then opened to free it.
TEST_F(FileIoLinux, ASettingsFifoIsRefusedWithoutWaitingAndLeftAlone) {
    const fs::path fifo = m_dir.path() / "config.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto loading =
        std::async(std::launch::async, [&] { return loadConfig(fifo, ConfigLocation::Given); });
    if (loading.wait_for(30s) != std::future_status::ready) {
        const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        ::close(writer);
        FAIL() << "reading the settings waited on a FIFO";
    }
    const LoadedConfig loaded = loading.get();
    ASSERT_TRUE(loaded.refused);
    EXPECT_NE(loaded.refused->message.find("not a regular file"), std::string::npos)
        << loaded.refused->message;
    struct stat status {};
    ASSERT_EQ(::lstat(fifo.c_str(), &status), 0);
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
}

}  // namespace
}  // namespace netmon
