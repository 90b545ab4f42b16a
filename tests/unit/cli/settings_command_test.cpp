// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon settings` without a service: it shows the settings file's values, and `settings set`
// changes exactly the keys named, checked as the settings file's own values are, and leaves
// the file alone when anything is refused.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/settings_assignment.h"
#include "cli_test_support.h"
#include "core/config.h"

namespace netmon::cli::test {
namespace {

nlohmann::json defaults() {
    return nlohmann::json::parse(serializeConfig(Config{}));
}

TEST(SettingAssignments, EachValueIsReadByItsKeysType) {
    auto changed = applySettingAssignments(
        defaults(), {"retention_days=30", "privacy.mask_addresses=on", "capture_mode=basic",
                     "monitored_interfaces=eth0,wlan0", "database_path=/tmp/a=b.db"});
    ASSERT_TRUE(changed) << changed.error().describe();
    EXPECT_EQ((*changed)["retention_days"], 30);
    EXPECT_EQ((*changed)["privacy"]["mask_addresses"], true);
    EXPECT_EQ((*changed)["capture_mode"], "basic");
    EXPECT_EQ((*changed)["monitored_interfaces"], nlohmann::json({"eth0", "wlan0"}));
    EXPECT_EQ((*changed)["database_path"], "/tmp/a=b.db");  // split at the first '='
    nlohmann::json untouched = defaults();
    for (const char* key :
         {"retention_days", "capture_mode", "monitored_interfaces", "database_path", "privacy"}) {
        untouched.erase(key);
        changed->erase(key);
    }
    EXPECT_EQ(*changed, untouched);
    auto none = applySettingAssignments(defaults(), {"monitored_interfaces="});
    ASSERT_TRUE(none);
    EXPECT_EQ((*none)["monitored_interfaces"], nlohmann::json::array());
}

TEST(SettingAssignments, UnknownKeysAndWrongTypesAreRefusedByName) {
    for (const auto& [assignment, said] : std::vector<std::pair<std::string, std::string>>{
             {"retention=30", "no setting \"retention\""},
             {"version=2", "no setting \"version\""},
             {"privacy=off", "cannot be set on its own"},
             {"privacy.mask_addresses.x=1", "no setting"},
             {"retention_days", "not KEY=VALUE"},
             {"retention_days=1.5", "retention_days takes a whole number"},
             {"retention_days=30days", "retention_days takes a whole number"},
             {"privacy.resolve_host_names=maybe", "takes true or false"}}) {
        auto changed = applySettingAssignments(defaults(), {assignment});
        ASSERT_FALSE(changed) << assignment;
        EXPECT_NE(changed.error().message.find(said), std::string::npos)
            << assignment << ": " << changed.error().message;
    }
}

class SettingsCommand : public ::testing::Test {
protected:
    [[nodiscard]] std::filesystem::path file() const { return m_dir.path() / "config.json"; }
    [[nodiscard]] nlohmann::json saved() const {
        std::ifstream in(file());
        return nlohmann::json::parse(in);
    }
    CliRun netmon(std::vector<std::string> arguments) {
        return runNetmon(m_machine, m_dir.path(), std::move(arguments));
    }

    netmon::test::TempDir m_dir;
    FakeMachine m_machine;
};

TEST_F(SettingsCommand, SetWritesTheNamedKeysAndSaysWhatChanged) {
    const CliRun run =
        netmon({"settings", "set", "retention_days=30", "privacy.mask_addresses=yes"});
    ASSERT_EQ(run.status, kExitOk) << run.err;
    EXPECT_EQ(run.out, "privacy.mask_addresses: false -> true\nretention_days: 90 -> 30\n");
    nlohmann::json expected = defaults();
    expected["retention_days"] = 30;
    expected["privacy"]["mask_addresses"] = true;
    EXPECT_EQ(saved(), expected);

    const CliRun shown = netmon({"settings", "--json"});
    ASSERT_EQ(shown.status, kExitOk) << shown.err;
    const auto document = nlohmann::json::parse(shown.out);
    EXPECT_EQ(document["source"], "local");
    EXPECT_EQ(document["file"], file().string());
    EXPECT_EQ(document["settings"], expected);
}

TEST_F(SettingsCommand, ARefusedValueChangesNothing) {
    for (const char* assignment :
         {"retention_days=0", "retention_days=4294967297", "sampling_interval_ms=5",
          "capture_mode=turbo", "monitored_interfaces=eth0,"}) {
        const CliRun run = netmon({"settings", "set", "retention_days=30", assignment});
        EXPECT_EQ(run.status, kExitUsage) << assignment;
        EXPECT_NE(run.err.find("settings not changed"), std::string::npos) << run.err;
        EXPECT_EQ(run.out, "");
        EXPECT_FALSE(std::filesystem::exists(file())) << assignment;
    }
}

TEST_F(SettingsCommand, ThisRunsModeIsNotSavedWithTheChange) {
    const CliRun run = netmon({"--mode", "deep", "settings", "set", "retention_days=7"});
    ASSERT_EQ(run.status, kExitOk) << run.err;
    EXPECT_EQ(saved()["capture_mode"], "auto");
    EXPECT_EQ(saved()["retention_days"], 7);
}

TEST_F(SettingsCommand, ShowListsEveryKeyOfTheFile) {
    {
        std::ofstream out(file());
        out << R"({"version": 1, "retention_days": 12})";
    }
    const CliRun run = netmon({"settings"});
    ASSERT_EQ(run.status, kExitOk) << run.err;
    EXPECT_NE(run.out.find("Settings file: " + file().string()), std::string::npos) << run.out;
    const auto lines = linesOf(run.out);
    const auto row = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.rfind("retention_days ", 0) == 0;
    });
    ASSERT_NE(row, lines.end()) << run.out;
    EXPECT_EQ(row->substr(row->find_last_of(' ') + 1), "12");
    for (const auto& [key, value] : settingLines(defaults())) {
        EXPECT_NE(run.out.find(key + " "), std::string::npos) << key << "\n" << run.out;
    }
}

}  // namespace
}  // namespace netmon::cli::test
