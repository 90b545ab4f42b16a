// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as main() parses it: --help and --version succeed (0) and print on stdout,
// anything the parser refuses is a usage error (2) said on stderr, and a settings file that is
// not ours is refused (1) before any command runs.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_test_support.h"

namespace netmon::cli::test {
namespace {

class CommandLine : public ::testing::Test {
protected:
    netmon::test::TempDir m_dir;
    FakeMachine m_machine;
};

TEST_F(CommandLine, HelpListsTheSubcommandsOnStdoutAndSucceeds) {
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"--help"});
    EXPECT_EQ(run.status, kExitOk);
    for (const char* command : {"interfaces", "watch", "connections", "hosts", "processes",
                                "record", "history", "usage", "settings", "doctor"}) {
        EXPECT_NE(run.out.find(command), std::string::npos) << command << "\n" << run.out;
    }
    EXPECT_EQ(run.err, "");
}

TEST_F(CommandLine, VersionPrintsTheProjectVersion) {
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"--version"});
    EXPECT_EQ(run.status, kExitOk);
    EXPECT_EQ(run.out, "netmon " NETMON_TEST_PROJECT_VERSION "\n");
}

TEST_F(CommandLine, RefusedArgumentsAreUsageErrorsOnStderr) {
    for (const std::vector<std::string>& arguments :
         {std::vector<std::string>{},
          {"no-such-command"},
          {"--mode", "turbo", "interfaces"},
          {"watch", "--interval", "5"},  // below the 100 ms minimum
          {"interfaces", "--no-such-flag"}}) {
        const CliRun run = runNetmon(m_machine, m_dir.path(), arguments);
        EXPECT_EQ(run.status, kExitUsage) << testing::PrintToString(arguments);
        EXPECT_EQ(run.out, "") << testing::PrintToString(arguments);
        EXPECT_NE(run.err, "") << testing::PrintToString(arguments);
    }
}

TEST_F(CommandLine, ASettingsFileThatIsNotOursIsRefusedBeforeTheCommandRuns) {
    {
        std::ofstream file(m_dir.path() / "config.json");
        file << "PATH=/usr/bin\n";  // a file of something else, given by mistake
    }
    m_machine.pushInterfaces({netmon::test::makeInterface("eth0", 2, 1, 1)});
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"interfaces", "--json"});
    EXPECT_EQ(run.status, kExitFailure);
    EXPECT_EQ(run.out, "") << "the command did not run";
    EXPECT_EQ(run.err.rfind("netmon: error: The settings file ", 0), 0U) << run.err;
    EXPECT_NE(run.err.find("is not a JSON object"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace netmon::cli::test
