// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon.exe connections --json` under Wine: a TCP listener and an established pair the test
// opened itself, with the right ports and states.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "loopback_traffic.h"
#include "netmon_process.h"

namespace netmon::test {
namespace {

nlohmann::json connections(const std::vector<std::string>& extra) {
    std::vector<std::string> arguments{"--mode", "basic",   "connections",
                                       "--json", "--proto", "tcp"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    const NetmonRun run = runNetmon(arguments);
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out);
}

const nlohmann::json* find(const nlohmann::json& flows, std::uint16_t localPort,
                           std::uint16_t remotePort) {
    for (const auto& flow : flows) {
        if (flow.at("local_port") == localPort && flow.at("remote_port") == remotePort &&
            flow.at("local_address") == "127.0.0.1") {
            return &flow;
        }
    }
    return nullptr;
}

TEST(ConnectionsLive, ListsOurListenerAndBothEndsOfOurConnection) {
    const TcpPair pair = openTcpPair();
    const std::uint16_t server = pair.listener.localPort();
    const std::uint16_t client = pair.client.localPort();

    const nlohmann::json listening = connections({"--listening"});
    const nlohmann::json* listener = find(listening, server, 0);
    ASSERT_NE(listener, nullptr) << "no listener on 127.0.0.1:" << server << " in "
                                 << listening.dump();
    EXPECT_EQ(listener->at("state"), "LISTEN");
    EXPECT_EQ(listener->at("listening"), true);
    EXPECT_EQ(listener->at("protocol"), "tcp");
    EXPECT_EQ(listener->at("remote_address"), "0.0.0.0");

    const nlohmann::json active = connections({});
    const nlohmann::json* clientSide = find(active, client, server);
    const nlohmann::json* serverSide = find(active, server, client);
    ASSERT_NE(clientSide, nullptr) << active.dump();
    ASSERT_NE(serverSide, nullptr) << active.dump();
    EXPECT_EQ(clientSide->at("state"), "ESTABLISHED");
    EXPECT_EQ(serverSide->at("state"), "ESTABLISHED");
    EXPECT_EQ(clientSide->at("remote_address"), "127.0.0.1");
    EXPECT_EQ(clientSide->at("listening"), false);
    // Basic mode without TCP extended statistics: no byte counts rather than zeros.
    EXPECT_TRUE(clientSide->at("bytes_in").is_null());
    EXPECT_TRUE(listening.is_array());
}

TEST(ConnectionsLive, SaysWhyPerConnectionBytesAreMissing) {
    const NetmonRun run = runNetmon({"--mode", "basic", "connections"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_NE(run.err.find("per-connection bytes"), std::string::npos) << run.err;
}

TEST(ConnectionsLive, OwnerIsThisProcess) {
    const TcpPair pair = openTcpPair();
    const nlohmann::json active = connections({});
    const nlohmann::json* clientSide =
        find(active, pair.client.localPort(), pair.listener.localPort());
    ASSERT_NE(clientSide, nullptr);
    if (clientSide->at("pid").is_null()) {
        GTEST_SKIP() << "Wine's owner tables give no PID for this socket (PID 0): owners are "
                        "unit-tested in ProcessOwners.* and checked by hand on Windows "
                        "(docs/windows-checklist.md)";
    }
    EXPECT_EQ(clientSide->at("pid").get<std::uint32_t>(), ::GetCurrentProcessId());
    EXPECT_EQ(clientSide->at("process"), "netmon_windows_live_test.exe");
}

}  // namespace
}  // namespace netmon::test
