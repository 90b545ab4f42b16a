// SPDX-License-Identifier: GPL-3.0-or-later
// Which settings files are ours: a path the user gave is read only when it is clearly our
// settings, and never moved or replaced otherwise; only our default file is set aside.
#include <gtest/gtest.h>

#include <set>

#include "core/config.h"
#include "core/file_io.h"
#include "fakes/temp_dir.h"
#include "fakes/text_file.h"

namespace netmon {
namespace {

namespace fs = std::filesystem;

using test::readText;
using test::writeText;

// Every name in a folder, to show that nothing was renamed, added or removed.
std::set<std::string> names(const fs::path& folder) {
    std::set<std::string> found;
    for (const auto& entry : fs::directory_iterator(folder)) {
        found.insert(entry.path().filename().string());
    }
    return found;
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

TEST(ConfigFile, GivenFolderIsRefusedAndLeftAlone) {
    test::TempDir dir;
    const fs::path folder = dir.path() / "settings";
    fs::create_directory(folder);
    writeText(folder / "inside.txt", "keep me");
    const auto before = names(dir.path());

    const LoadedConfig loaded = loadConfig(folder, ConfigLocation::Given);
    ASSERT_TRUE(loaded.refused);
    EXPECT_TRUE(contains(loaded.refused->message, folder.string())) << loaded.refused->message;
    EXPECT_TRUE(contains(loaded.refused->message, "is a folder")) << loaded.refused->message;
    EXPECT_EQ(loaded.config, Config{});
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_EQ(readText(folder / "inside.txt"), "keep me");
    EXPECT_EQ(names(dir.path()), before) << "nothing renamed beside it";
}

TEST(ConfigFile, FolderAtTheDefaultPlaceIsRefusedToo) {
    test::TempDir dir;
    const fs::path folder = dir.path() / "config.json";
    fs::create_directory(folder);
    const LoadedConfig loaded = loadConfig(folder, ConfigLocation::Default);
    ASSERT_TRUE(loaded.refused);
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_EQ(names(dir.path()), std::set<std::string>{"config.json"});
}

TEST(ConfigFile, GivenTextFileIsRefusedByteForByte) {
    test::TempDir dir;
    const fs::path file = dir.path() / "passwd";
    const std::string text = "root:x:0:0:root:/root:/bin/bash\n";
    writeText(file, text);

    const LoadedConfig loaded = loadConfig(file, ConfigLocation::Given);
    ASSERT_TRUE(loaded.refused);
    EXPECT_TRUE(contains(loaded.refused->message, file.string())) << loaded.refused->message;
    EXPECT_TRUE(contains(loaded.refused->message, "left alone")) << loaded.refused->message;
    EXPECT_TRUE(readText(file) == text) << "the file was changed";
    EXPECT_EQ(names(dir.path()), std::set<std::string>{"passwd"});
}

TEST(ConfigFile, GivenJsonThatIsNotOurSettingsIsRefused) {
    test::TempDir dir;
    const fs::path file = dir.path() / "package.json";
    for (const std::string text : {R"({"name": "left-pad", "private": true})", "{}"}) {
        writeText(file, text);
        const LoadedConfig loaded = loadConfig(file, ConfigLocation::Given);
        ASSERT_TRUE(loaded.refused) << text;
        EXPECT_TRUE(contains(loaded.refused->message, "none of") ||
                    contains(loaded.refused->message, "without any"))
            << loaded.refused->message;
        EXPECT_TRUE(readText(file) == text) << "the file was changed";
    }
}

TEST(ConfigFile, GivenJsonWithOurVersionOrAKnownKeyIsRead) {
    test::TempDir dir;
    const fs::path file = dir.path() / "mine.json";
    writeText(file, R"({"version": 1, "colour": "blue"})");
    const LoadedConfig versioned = loadConfig(file, ConfigLocation::Given);
    EXPECT_FALSE(versioned.refused);
    EXPECT_TRUE(versioned.fileExisted);

    writeText(file, R"({"retention_days": 30})");
    const LoadedConfig keyed = loadConfig(file, ConfigLocation::Given);
    EXPECT_FALSE(keyed.refused);
    EXPECT_EQ(keyed.config.retentionDays, 30);
}

TEST(ConfigFile, EmptyObjectAtTheDefaultPlaceIsOurs) {
    test::TempDir dir;
    const fs::path file = dir.path() / "config.json";
    writeText(file, "{}");
    const LoadedConfig loaded = loadConfig(file, ConfigLocation::Default);
    EXPECT_FALSE(loaded.refused);
    EXPECT_TRUE(loaded.warnings.empty());
}

TEST(ConfigFile, ReadsAreBoundedToOneMebibyte) {
    test::TempDir dir;
    const fs::path file = dir.path() / "big.json";
    const std::string head = R"({"version": 1, "pad": ")";
    std::string text = head + std::string(kMaxReadBytes - head.size() - 2, ' ') + "\"}";
    ASSERT_EQ(text.size(), kMaxReadBytes);
    writeText(file, text);
    EXPECT_FALSE(loadConfig(file, ConfigLocation::Given).refused) << "exactly 1 MiB is read";

    text.insert(head.size(), " ");
    writeText(file, text);
    const LoadedConfig loaded = loadConfig(file, ConfigLocation::Given);
    ASSERT_TRUE(loaded.refused);
    EXPECT_TRUE(contains(loaded.refused->message, "larger than 1024 KiB"))
        << loaded.refused->message;
    EXPECT_TRUE(readText(file) == text) << "the file was changed";
}

TEST(ConfigFile, DamagedDefaultFileIsSetAsideButAGivenOneIsNot) {
    test::TempDir dir;
    const fs::path file = dir.path() / "config.json";
    const std::string damaged = "{\"retention_days\": 3";
    writeText(file, damaged);
    const LoadedConfig given = loadConfig(file, ConfigLocation::Given);
    ASSERT_TRUE(given.refused);
    EXPECT_EQ(names(dir.path()), std::set<std::string>{"config.json"});

    const LoadedConfig ours = loadConfig(file, ConfigLocation::Default);
    EXPECT_FALSE(ours.refused);
    EXPECT_FALSE(fs::exists(file));
    ASSERT_EQ(names(dir.path()).size(), 1U);
    EXPECT_EQ(readText(dir.path() / *names(dir.path()).begin()), damaged);
}

TEST(ConfigFile, SaveOverAFolderIsRefused) {
    test::TempDir dir;
    const fs::path folder = dir.path() / "config.json";
    fs::create_directory(folder);
    const auto saved = saveConfig(Config{}, folder);
    ASSERT_FALSE(saved);
    EXPECT_TRUE(contains(saved.error().message, "is a folder")) << saved.error().message;
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_EQ(names(dir.path()), std::set<std::string>{"config.json"});
}

}  // namespace
}  // namespace netmon
