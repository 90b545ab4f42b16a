// SPDX-License-Identifier: GPL-3.0-or-later
// What the POSIX file functions promise, checked with stat() under the usual umask 022: our
// files 0600 and folders 0700, a symlinked settings file still a link after a save, no
// temporary name to plant a link under, and reads that refuse FIFOs and devices.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "fakes/file_mode.h"
#include "fakes/temp_dir.h"
#include "fakes/text_file.h"
#include "platform/file_io.h"

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
    ASSERT_TRUE(writeFileAtomically(file, "{}"));
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

    const std::string settings = R"({"retention_days": 42})";
    ASSERT_TRUE(writeFileAtomically(link, settings));
    ASSERT_TRUE(fs::is_symlink(fs::symlink_status(link)));
    EXPECT_EQ(fs::read_symlink(link), "dotfiles/netmon.json");
    EXPECT_EQ(readText(target), settings);
    EXPECT_EQ(modeOf(target), 0600U);
    EXPECT_EQ(readWholeFile(link).value(), settings);
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

TEST_F(FileIoLinux, ReadsRefuseDevicesAndFolders) {
    const auto device = readWholeFile("/dev/null");
    ASSERT_FALSE(device);
    EXPECT_NE(device.error().message.find("not a regular file"), std::string::npos)
        << device.error().message;
    const auto folder = readWholeFile(m_dir.path());
    ASSERT_FALSE(folder);
    EXPECT_NE(folder.error().message.find("is a folder"), std::string::npos);
}

}  // namespace
}  // namespace netmon
