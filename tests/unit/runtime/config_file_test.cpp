// SPDX-License-Identifier: GPL-3.0-or-later
// Which settings files are ours: a path the user gave is read only when it is clearly our
// settings, and never moved or replaced otherwise; only our default file is set aside.
#include "runtime/config_file.h"

#include <gtest/gtest.h>

#include <set>

#include "fakes/temp_dir.h"
#include "fakes/text_file.h"
#include "platform/file_io.h"

namespace netmon::runtime {
namespace {

using namespace std::chrono_literals;

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

TEST(ConfigFile, MissingFileGivesDefaultsWithoutWarnings) {
    test::TempDir dir;
    const LoadedConfig loaded = loadConfig(dir.path() / "none.json", ConfigLocation::Given);
    EXPECT_FALSE(loaded.fileExisted);
    EXPECT_TRUE(loaded.warnings.empty());
    EXPECT_EQ(loaded.config, Config{});
    EXPECT_EQ(loaded.config.samplingInterval, 1000ms);
    EXPECT_EQ(loaded.config.captureMode, CaptureMode::Auto);
}

TEST(ConfigFile, SaveThenLoadGivesTheSameSettings) {
    test::TempDir dir;
    Config config;
    config.samplingInterval = 250ms;
    config.retentionDays = 30;
    config.captureMode = CaptureMode::Deep;
    config.privacy = {false, true, false};
    config.monitoredInterfaces = {"eth0", "wlan0"};
    config.databasePath = dir.path() / "h.db";
    const auto path = dir.path() / "nested" / "folder" / "config.json";
    ASSERT_TRUE(saveConfig(config, path));
    const LoadedConfig loaded = loadConfig(path, ConfigLocation::Given);
    EXPECT_TRUE(loaded.warnings.empty());
    EXPECT_EQ(loaded.config, config);
    // Atomic save leaves no temporary file behind.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator(path.parent_path())) {
        ++files;
    }
    EXPECT_EQ(files, 1U);
}

TEST(ConfigFile, OurDefaultFileThatIsNotJsonIsKeptAsideNeverOverwritten) {
    test::TempDir dir;
    const auto path = dir.path() / "config.json";
    const std::string damaged = "{\"sampling_interval_ms\": 5";  // truncated mid-write
    writeText(path, damaged);

    const LoadedConfig loaded = loadConfig(path, ConfigLocation::Default);
    EXPECT_FALSE(loaded.refused);
    EXPECT_TRUE(loaded.notJson);
    EXPECT_EQ(loaded.config, Config{});
    ASSERT_EQ(loaded.warnings.size(), 1U);
    EXPECT_NE(loaded.warnings[0].find("not valid JSON"), std::string::npos);

    std::filesystem::path aside;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().rfind("config.json.corrupt-", 0) == 0) {
            aside = entry.path();
        }
    }
    ASSERT_FALSE(aside.empty()) << "the damaged file must be kept";
    EXPECT_NE(loaded.warnings[0].find(aside.string()), std::string::npos);
    EXPECT_EQ(readWholeFile(aside).value(), damaged);
    EXPECT_FALSE(std::filesystem::exists(path));

    // Saving the defaults now creates a new file and leaves the kept one alone.
    ASSERT_TRUE(saveConfig(loaded.config, path));
    EXPECT_EQ(readWholeFile(aside).value(), damaged);
}

TEST(ConfigFile, OurDefaultFileWithJsonThatIsNotAnObjectIsAlsoKeptAside) {
    test::TempDir dir;
    const auto path = dir.path() / "config.json";
    writeText(path, "[1, 2, 3]");
    const LoadedConfig loaded = loadConfig(path, ConfigLocation::Default);
    EXPECT_TRUE(loaded.notJson);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ConfigFile, SaveFailsWithAReasonWhenTheFolderCannotExist) {
    test::TempDir dir;
    writeText(dir.path() / "blocker", "a file where a folder should be");
    const auto result = saveConfig(Config{}, dir.path() / "blocker" / "config.json");
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("blocker"), std::string::npos);
}

}  // namespace
}  // namespace netmon::runtime
