// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <optional>
#include <string>

#include "platform/paths.h"

namespace netmon {
namespace {

// Saves HOME and the XDG variables and puts them back after each test.
class PathsLinux : public testing::Test {
protected:
    static constexpr std::array<const char*, 3> kVariables{"HOME", "XDG_CONFIG_HOME",
                                                           "XDG_DATA_HOME"};
    void SetUp() override {
        for (std::size_t i = 0; i < kVariables.size(); ++i) {
            if (const char* value = std::getenv(kVariables[i])) {
                m_saved[i] = value;
            }
        }
    }
    void TearDown() override {
        for (std::size_t i = 0; i < kVariables.size(); ++i) {
            if (m_saved[i]) {
                ::setenv(kVariables[i], m_saved[i]->c_str(), 1);
            } else {
                ::unsetenv(kVariables[i]);
            }
        }
    }

private:
    std::array<std::optional<std::string>, kVariables.size()> m_saved;
};

TEST_F(PathsLinux, XdgVariablesWin) {
    ::setenv("HOME", "/home/ada", 1);
    ::setenv("XDG_CONFIG_HOME", "/cfg", 1);
    ::setenv("XDG_DATA_HOME", "/data/xdg", 1);
    EXPECT_EQ(defaultConfigPath(), "/cfg/netmon/config.json");
    EXPECT_EQ(defaultDatabasePath(), "/data/xdg/netmon/history.db");
}

TEST_F(PathsLinux, HomeWhenXdgUnsetOrEmpty) {
    ::setenv("HOME", "/home/ada", 1);
    ::unsetenv("XDG_CONFIG_HOME");
    ::setenv("XDG_DATA_HOME", "", 1);
    EXPECT_EQ(defaultConfigPath(), "/home/ada/.config/netmon/config.json");
    EXPECT_EQ(defaultDatabasePath(), "/home/ada/.local/share/netmon/history.db");
}

TEST_F(PathsLinux, RelativeXdgValuesAreIgnored) {
    ::setenv("HOME", "/home/ada", 1);
    ::setenv("XDG_CONFIG_HOME", "relative/config", 1);
    ::setenv("XDG_DATA_HOME", "./data", 1);
    EXPECT_EQ(defaultConfigPath(), "/home/ada/.config/netmon/config.json");
    EXPECT_EQ(defaultDatabasePath(), "/home/ada/.local/share/netmon/history.db");
}

TEST_F(PathsLinux, NoHomeAsksThePasswordDatabase) {
    ::unsetenv("HOME");
    ::unsetenv("XDG_CONFIG_HOME");
    ::unsetenv("XDG_DATA_HOME");
    const passwd* entry = ::getpwuid(::geteuid());
    if (entry == nullptr || entry->pw_dir == nullptr || entry->pw_dir[0] != '/') {
        GTEST_SKIP() << "this user has no home directory in the password database";
    }
    const std::filesystem::path home = entry->pw_dir;
    EXPECT_EQ(defaultConfigPath(), home / ".config/netmon/config.json");
    EXPECT_EQ(defaultDatabasePath(), home / ".local/share/netmon/history.db");
}

}  // namespace
}  // namespace netmon
