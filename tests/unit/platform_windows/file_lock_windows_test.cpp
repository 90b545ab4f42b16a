// SPDX-License-Identifier: GPL-3.0-or-later
// The Windows writer lock: LockFileEx() past the note, so the note stays readable while held.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "fakes/temp_dir.h"
#include "platform/file_lock.h"
#include "platform/windows/windows_api.h"

namespace netmon {
namespace {

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FileLockWindows, NamesItsHolderReadablyUntilReleased) {
    test::TempDir dir;
    const auto path = dir.path() / "history.db.lock";
    const auto pid = static_cast<std::uint32_t>(::GetCurrentProcessId());
    EXPECT_EQ(currentProcessId(), pid);

    auto lock = tryLockFile(path, "netmon record");
    ASSERT_TRUE(lock) << lock.error().error.describe();
    // Read through another handle while the lock is held: a lock over the note would fail this.
    EXPECT_EQ(readAll(path), std::to_string(pid) + "\nnetmon record\n");

    auto second = tryLockFile(path, "netmon-gui");
    ASSERT_FALSE(second);
    EXPECT_TRUE(second.error().held) << second.error().error.describe();
    EXPECT_EQ(second.error().holder, (LockHolder{pid, "netmon record"}));

    lock->reset();
    EXPECT_EQ(readAll(path), "");
    auto third = tryLockFile(path, "netmon-gui");
    ASSERT_TRUE(third) << third.error().error.describe();
    EXPECT_EQ(readAll(path), std::to_string(pid) + "\nnetmon-gui\n");
}

TEST(FileLockWindows, ADirectoryIsRefusedAndLeftAlone) {
    test::TempDir dir;
    const auto path = dir.path() / "history.db.lock";
    std::filesystem::create_directory(path);
    auto lock = tryLockFile(path, "netmon record");
    ASSERT_FALSE(lock);
    EXPECT_FALSE(lock.error().held);
    EXPECT_TRUE(std::filesystem::is_directory(path));
}

}  // namespace
}  // namespace netmon
