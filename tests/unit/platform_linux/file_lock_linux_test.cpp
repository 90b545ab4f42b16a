// SPDX-License-Identifier: GPL-3.0-or-later
// The Linux writer lock: flock() on a private lock file that names its holder; never a link or a
// special file; gone with its holder however the holder ends.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "fakes/temp_dir.h"
#include "platform/file_lock.h"

namespace netmon {
namespace {

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class FileLockLinux : public testing::Test {
protected:
    test::TempDir m_dir;
    std::filesystem::path m_path = m_dir.path() / "history.db.lock";
};

TEST_F(FileLockLinux, IsPrivateAndNamesItsHolderUntilReleased) {
    const mode_t saved = ::umask(0);  // the mode is explicit, not whatever the umask leaves
    auto lock = tryLockFile(m_path, "netmon record");
    ::umask(saved);
    ASSERT_TRUE(lock) << lock.error().error.describe();
    struct stat status {};
    ASSERT_EQ(::stat(m_path.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 07777, 0600U);
    EXPECT_EQ(currentProcessId(), static_cast<std::uint32_t>(::getpid()));
    EXPECT_EQ(readAll(m_path), std::to_string(::getpid()) + "\nnetmon record\n");

    auto second = tryLockFile(m_path, "netmon-gui");
    ASSERT_FALSE(second);
    EXPECT_TRUE(second.error().held);
    EXPECT_EQ(second.error().holder,
              (LockHolder{static_cast<std::uint32_t>(::getpid()), "netmon record"}));

    lock->reset();
    EXPECT_EQ(readAll(m_path), "");  // the file stays (others may have it open), the name goes
    EXPECT_TRUE(tryLockFile(m_path, "netmon-gui"));
}

TEST_F(FileLockLinux, AKilledHolderLeavesNoStaleLock) {
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const auto lock = tryLockFile(m_path, "netmon record");
        const char answer = lock ? 'y' : 'n';
        if (::write(ready[1], &answer, 1) != 1) {
            ::_exit(1);  // the parent then reads nothing and fails
        }
        ::pause();  // until killed, the lock held
        ::_exit(0);
    }
    ::close(ready[1]);
    char answer = 0;
    ASSERT_EQ(::read(ready[0], &answer, 1), 1);
    ::close(ready[0]);
    ASSERT_EQ(answer, 'y');

    auto whileAlive = tryLockFile(m_path, "netmon-gui");
    ASSERT_FALSE(whileAlive);
    EXPECT_EQ(whileAlive.error().holder,
              (LockHolder{static_cast<std::uint32_t>(child), "netmon record"}));

    ::kill(child, SIGKILL);  // no destructor runs, the note stays: the kernel drops the lock
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    auto afterKill = tryLockFile(m_path, "netmon-gui");
    ASSERT_TRUE(afterKill) << afterKill.error().error.describe();
    EXPECT_EQ(readAll(m_path), std::to_string(::getpid()) + "\nnetmon-gui\n");
}

TEST_F(FileLockLinux, ASymbolicLinkIsNotFollowed) {
    const auto target = m_dir.path() / "someone-elses-file";
    std::ofstream(target) << "keep me";
    std::filesystem::create_symlink(target, m_path);
    auto lock = tryLockFile(m_path, "netmon record");
    ASSERT_FALSE(lock);
    EXPECT_FALSE(lock.error().held);
    EXPECT_NE(lock.error().error.message.find("symbolic link"), std::string::npos);
    EXPECT_EQ(readAll(target), "keep me");
    EXPECT_TRUE(std::filesystem::is_symlink(m_path));
}

TEST_F(FileLockLinux, AHardLinkIsRefusedAndLeftAlone) {
    const auto target = m_dir.path() / "someone-elses-file";
    std::ofstream(target) << "keep me";
    std::filesystem::create_hard_link(target, m_path);
    auto lock = tryLockFile(m_path, "netmon record");
    ASSERT_FALSE(lock);
    EXPECT_FALSE(lock.error().held);
    EXPECT_EQ(readAll(target), "keep me");
}

TEST_F(FileLockLinux, SpecialFilesAreRefusedWithoutWaiting) {
    ASSERT_EQ(::mkfifo(m_path.c_str(), 0600), 0);  // opening it for reading alone would hang
    auto fifo = tryLockFile(m_path, "netmon record");
    ASSERT_FALSE(fifo);
    EXPECT_FALSE(fifo.error().held);
    std::filesystem::remove(m_path);

    std::filesystem::create_directory(m_path);
    auto directory = tryLockFile(m_path, "netmon record");
    ASSERT_FALSE(directory);
    EXPECT_FALSE(directory.error().held);
    EXPECT_TRUE(std::filesystem::is_directory(m_path));
}

}  // namespace
}  // namespace netmon
