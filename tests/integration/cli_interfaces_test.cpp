// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon interfaces` inside a namespace, and the CLI's exit statuses.
#include <gtest/gtest.h>

#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/test_network.h"

namespace netmon::test {
namespace {

TEST(CliInterfaces, ReportsTheVethAsTheKernelSeesIt) {
    if (const auto reason = TestNetwork::unavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    const TestNetwork network;
    const std::uint64_t rxBefore = network.counter(network.nsA, network.ifA, "rx_bytes");
    const CommandResult result =
        runCommand(network.inA({kNetmon, "interfaces", "--json", "--all"}));
    const std::uint64_t rxAfter = network.counter(network.nsA, network.ifA, "rx_bytes");
    ASSERT_EQ(result.status, 0) << result.err;

    const nlohmann::json all = nlohmann::json::parse(result.out);
    const auto veth = findNamed(all, network.ifA);
    ASSERT_TRUE(veth) << result.out;
    EXPECT_EQ((*veth)["kind"], "veth");
    EXPECT_EQ((*veth)["virtual"], true);
    EXPECT_EQ((*veth)["state"], "up");
    EXPECT_EQ((*veth)["mac"], "02:00:00:00:0a:01");
    EXPECT_EQ((*veth)["counter_bits"], 64);
    const auto addresses = (*veth)["addresses"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(addresses.begin(), addresses.end(), network.addressA + "/24"),
              addresses.end());
    EXPECT_GE((*veth)["rx_bytes"].get<std::uint64_t>(), rxBefore);
    EXPECT_LE((*veth)["rx_bytes"].get<std::uint64_t>(), rxAfter);
    const auto loopback = findNamed(all, "lo");
    ASSERT_TRUE(loopback);
    EXPECT_EQ((*loopback)["kind"], "loopback");

    // Without --all, loopback and virtual interfaces are left out.
    const CommandResult shown = runCommand(network.inA({kNetmon, "interfaces", "--json"}));
    ASSERT_EQ(shown.status, 0) << shown.err;
    const nlohmann::json physical = nlohmann::json::parse(shown.out);
    EXPECT_FALSE(findNamed(physical, network.ifA));
    EXPECT_FALSE(findNamed(physical, "lo"));
}

TEST(CliExitStatus, UsageErrorsAreTwoWithAMessage) {
    const CommandResult unknown = runCommand({kNetmon, "frobnicate"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_FALSE(unknown.err.empty());

    const CommandResult interval = runCommand({kNetmon, "watch", "--interval", "5"});
    EXPECT_EQ(interval.status, 2);
    EXPECT_NE(interval.err.find("interval"), std::string::npos) << interval.err;

    const CommandResult since =
        runCommand({kNetmon, "history", "--since", "last tuesday", "--db", "/nonexistent/x.db"});
    EXPECT_EQ(since.status, 2);
    EXPECT_NE(since.err.find("last tuesday"), std::string::npos) << since.err;

    const CommandResult none = runCommand({kNetmon});
    EXPECT_EQ(none.status, 2);
}

TEST(CliExitStatus, RuntimeFailuresAreOneWithWhatToDo) {
    const CommandResult missing =
        runCommand({kNetmon, "history", "--db", "/nonexistent/folder/history.db"});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("netmon record"), std::string::npos) << missing.err;
}

TEST(CliExitStatus, HelpAndVersionSucceed) {
    const CommandResult help = runCommand({kNetmon, "--help"});
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("watch"), std::string::npos);
    const CommandResult version = runCommand({kNetmon, "--version"});
    EXPECT_EQ(version.status, 0);
    EXPECT_NE(version.out.find("netmon"), std::string::npos);
}

}  // namespace
}  // namespace netmon::test
