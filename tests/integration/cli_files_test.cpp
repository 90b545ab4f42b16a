// SPDX-License-Identifier: GPL-3.0-or-later
// The real `netmon` binary and the files it is pointed at: whatever is not provably ours (a
// folder, a text file, a FIFO given as --config or --db) is refused with exit 1 and left
// exactly as it was; what it creates or sets aside is private under the usual umask 022.
// Needs no root: HOME and the XDG folders point into a temporary folder of the test's own.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>

#include "fakes/file_mode.h"
#include "fakes/temp_dir.h"
#include "fakes/text_file.h"
#include "integration/child_process.h"
#include "integration/cli_json.h"

namespace netmon::test {
namespace {

namespace fs = std::filesystem;

// Name, inode, type, mode, size and modification time of everything under a folder: equal
// before and after means nothing was renamed, replaced, created, removed or written.
std::map<std::string, std::string> snapshotOf(const fs::path& folder) {
    std::map<std::string, std::string> entries;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        struct stat status {};
        ::lstat(entry.path().c_str(), &status);
        entries[fs::relative(entry.path(), folder).string()] =
            std::to_string(status.st_ino) + " " + std::to_string(status.st_mode) + " " +
            std::to_string(status.st_size) + " " + std::to_string(status.st_mtim.tv_sec) + "." +
            std::to_string(status.st_mtim.tv_nsec);
    }
    return entries;
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

class CliFiles : public testing::Test {
protected:
    // netmon with this test's own HOME and XDG folders, so the user's files are never touched.
    CommandResult netmon(std::vector<std::string> arguments) const {
        std::vector<std::string> argv{"env", "HOME=" + m_home.string(),
                                      "XDG_CONFIG_HOME=" + (m_dir.path() / "config").string(),
                                      "XDG_DATA_HOME=" + (m_dir.path() / "data").string(), kNetmon};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        return runCommand(argv);
    }

    // Runs netmon on a path that is not ours and checks: exit 1, a message naming the path,
    // and the folder holding it exactly as it was.
    void expectRefused(const std::vector<std::string>& arguments, const fs::path& path,
                       const std::string& why) {
        const auto before = snapshotOf(m_dir.path());
        const CommandResult result = netmon(arguments);
        EXPECT_EQ(result.status, 1) << why << "\n" << result.err;
        EXPECT_TRUE(contains(result.err, "error:")) << result.err;
        EXPECT_TRUE(contains(result.err, path.string())) << result.err;
        EXPECT_TRUE(contains(result.err, "left alone")) << result.err;
        EXPECT_EQ(snapshotOf(m_dir.path()), before) << why;
    }

    ScopedUmask m_umask;  // the children inherit it
    TempDir m_dir;
    fs::path m_home = m_dir.path() / "home";
};

TEST_F(CliFiles, AFolderGivenAsConfigIsRefusedAndLeftAlone) {
    const fs::path folder = m_dir.path() / "settings";
    fs::create_directories(folder);
    writeText(folder / "notes.txt", "mine");
    expectRefused({"--config", folder.string(), "doctor"}, folder, "--config <folder> doctor");
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_EQ(readText(folder / "notes.txt"), "mine");
}

TEST_F(CliFiles, ATextFileGivenAsConfigIsRefusedAndLeftAlone) {
    const fs::path file = m_dir.path() / "passwd";
    const std::string text = "root:x:0:0:root:/root:/bin/bash\n";
    writeText(file, text);
    expectRefused({"--config", file.string(), "--mode", "basic", "interfaces"}, file,
                  "--config <text file>");
    EXPECT_TRUE(readText(file) == text) << "the file was changed";
}

// No writer on the FIFO: a read would wait for ever (runCommand ends it after 60 s).
TEST_F(CliFiles, AFifoGivenAsConfigIsRefusedWithoutWaiting) {
    const fs::path fifo = m_dir.path() / "config.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    expectRefused({"--config", fifo.string(), "--mode", "basic", "interfaces"}, fifo,
                  "--config <fifo>");
    struct stat status {};
    ASSERT_EQ(::lstat(fifo.c_str(), &status), 0);
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
}

TEST_F(CliFiles, ATextFileGivenAsDatabaseIsNeitherMovedNorReplaced) {
    const fs::path file = m_dir.path() / "passwd";
    const std::string text = "root:x:0:0:root:/root:/bin/bash\n";
    writeText(file, text);
    expectRefused({"--mode", "basic", "record", "--db", file.string(), "--duration", "1"}, file,
                  "record --db <text file>");
    expectRefused({"history", "--db", file.string()}, file, "history --db <text file>");
    EXPECT_TRUE(readText(file) == text) << "the file was changed";
}

TEST_F(CliFiles, AFolderGivenAsDatabaseIsRefusedAndLeftAlone) {
    const fs::path folder = m_dir.path() / "history.db";
    fs::create_directories(folder);
    expectRefused({"--mode", "basic", "record", "--db", folder.string(), "--duration", "1"}, folder,
                  "record --db <folder>");
    EXPECT_TRUE(fs::is_directory(folder));
}

TEST_F(CliFiles, RecordCreatesAPrivateFolderAndDatabase) {
    const CommandResult result = netmon({"--mode", "basic", "record", "--duration", "1"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_EQ(modeOf(m_dir.path() / "data"), 0700U);
    EXPECT_EQ(modeOf(m_dir.path() / "data" / "netmon"), 0700U);
    EXPECT_EQ(modeOf(m_dir.path() / "data" / "netmon" / "history.db"), 0600U);
}

TEST_F(CliFiles, OurDamagedSettingsAreSetAsidePrivately) {
    const fs::path folder = m_dir.path() / "config" / "netmon";
    fs::create_directories(folder);
    const std::string damaged = "{\"retention_days\": 3";
    writeText(folder / "config.json", damaged);
    ASSERT_EQ(::chmod((folder / "config.json").c_str(), 0644), 0);

    const CommandResult result = netmon({"--mode", "basic", "interfaces", "--json"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(contains(result.err, "kept as")) << result.err;
    ASSERT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 1);
    const fs::path aside = fs::directory_iterator(folder)->path();
    EXPECT_TRUE(aside.filename().string().starts_with("config.json.corrupt-")) << aside;
    EXPECT_TRUE(readText(aside) == damaged) << "the kept copy differs";
    EXPECT_EQ(modeOf(aside), 0600U);
}

TEST_F(CliFiles, OurDamagedHistoryIsSetAsidePrivately) {
    const fs::path folder = m_dir.path() / "data" / "netmon";
    fs::create_directories(folder);
    const std::string damaged(4096, 'x');
    writeText(folder / "history.db", damaged);
    ASSERT_EQ(::chmod((folder / "history.db").c_str(), 0644), 0);

    const CommandResult result = netmon({"--mode", "basic", "record", "--duration", "1"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(contains(result.err, "damaged")) << result.err;
    fs::path aside;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("history.db.corrupt-") && !name.ends_with("-wal") &&
            !name.ends_with("-shm")) {
            aside = entry.path();
        }
    }
    ASSERT_FALSE(aside.empty());
    EXPECT_TRUE(readText(aside) == damaged) << "the kept copy differs";
    EXPECT_EQ(modeOf(aside), 0600U);
    EXPECT_EQ(modeOf(folder / "history.db"), 0600U);
}

}  // namespace
}  // namespace netmon::test
