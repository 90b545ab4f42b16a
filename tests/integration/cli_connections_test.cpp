// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon connections`, `hosts` and `watch --json` flows against TCP transfers of known size
// between two namespaces, owned by this test process.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/network_test.h"
#include "integration/tcp_transfer.h"
#include "integration/test_network.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

std::string ownComm() {
    std::ifstream in("/proc/self/comm");
    std::string name;
    std::getline(in, name);
    return name;
}

// The flow with these ports in a `connections --json` array.
std::optional<nlohmann::json> flowWithPorts(const nlohmann::json& flows, std::uint16_t local,
                                            std::uint16_t remote) {
    for (const auto& flow : flows) {
        if (flow["local_port"] == local && flow["remote_port"] == remote) {
            return flow;
        }
    }
    return std::nullopt;
}

using CliConnections = NetworkTest;

TEST_F(CliConnections, ExactBytesEachWayStateAndTheOwningProcess) {
    const TestNetwork& network = *m_network;
    constexpr std::uint64_t kToServer = 1'234'567;
    constexpr std::uint64_t kToClient = 89'012;
    const NamespaceSocket listener = listenInA(network, 40100);
    TcpConnection connection(network, listener);
    connection.transfer(kToServer, kToClient);

    // Server side, in namespace a.
    const auto matches = [&](const nlohmann::json& flows) {
        const auto flow = flowWithPorts(flows, 40100, connection.clientPort());
        return flow && (*flow)["bytes_in"] == kToServer && (*flow)["bytes_out"] == kToClient;
    };
    const nlohmann::json serverFlows =
        pollJson(network.inA({kNetmon, "--mode", "basic", "connections", "--json"}), matches);
    const auto server = flowWithPorts(serverFlows, 40100, connection.clientPort());
    ASSERT_TRUE(server) << serverFlows.dump(1);
    EXPECT_EQ((*server)["bytes_in"], kToServer) << "acked payload bytes are exact";
    EXPECT_EQ((*server)["bytes_out"], kToClient);
    EXPECT_EQ((*server)["protocol"], "tcp");
    EXPECT_EQ((*server)["state"], "ESTABLISHED");
    EXPECT_EQ((*server)["remote_address"], network.addressB);
    EXPECT_EQ((*server)["owner"], "known");
    EXPECT_EQ((*server)["pid"], ::getpid());
    EXPECT_EQ((*server)["process"], ownComm());

    // Client side, in namespace b: the same bytes the other way round.
    const nlohmann::json clientFlows = pollJson(
        network.inB({kNetmon, "--mode", "basic", "connections", "--json"}),
        [&](const nlohmann::json& flows) {
            const auto flow = flowWithPorts(flows, connection.clientPort(), 40100);
            return flow && (*flow)["bytes_out"] == kToServer && (*flow)["bytes_in"] == kToClient;
        });
    const auto client = flowWithPorts(clientFlows, connection.clientPort(), 40100);
    ASSERT_TRUE(client) << clientFlows.dump(1);
    EXPECT_EQ((*client)["bytes_out"], kToServer);
    EXPECT_EQ((*client)["bytes_in"], kToClient);
    EXPECT_EQ((*client)["pid"], ::getpid());

    // The listener is listed apart, with its owner.
    const CommandResult listening = runCommand(
        network.inA({kNetmon, "--mode", "basic", "connections", "--listening", "--json"}));
    ASSERT_EQ(listening.status, 0) << listening.err;
    const nlohmann::json listeners = nlohmann::json::parse(listening.out);
    const auto found = std::find_if(listeners.begin(), listeners.end(),
                                    [](const auto& flow) { return flow["local_port"] == 40100; });
    ASSERT_NE(found, listeners.end()) << listening.out;
    EXPECT_EQ((*found)["state"], "LISTEN");
    EXPECT_EQ((*found)["listening"], true);
    EXPECT_EQ((*found)["pid"], ::getpid());
    EXPECT_FALSE(flowWithPorts(listeners, 40100, connection.clientPort()))
        << "flows are not listed among listeners";
}

TEST_F(CliConnections, HostsSumSeveralConnectionsToOneAddressExactly) {
    const TestNetwork& network = *m_network;
    const NamespaceSocket listener = listenInA(network, 40101);
    TcpConnection first(network, listener);
    TcpConnection second(network, listener);
    TcpConnection third(network, listener);
    first.transfer(100'000, 5'000);
    second.transfer(250'000, 0);
    third.transfer(1, 77'777);

    const auto hostB = [&](const nlohmann::json& hosts) {
        return findNamed(hosts, network.addressB, "address");
    };
    const nlohmann::json hosts = pollJson(
        network.inA({kNetmon, "--mode", "basic", "hosts", "--json"}),
        [&](const nlohmann::json& all) {
            const auto host = hostB(all);
            return host && (*host)["bytes_in"] == 350'001 && (*host)["bytes_out"] == 82'777;
        });
    const auto host = hostB(hosts);
    ASSERT_TRUE(host) << hosts.dump(1);
    EXPECT_EQ((*host)["bytes_in"], 350'001);
    EXPECT_EQ((*host)["bytes_out"], 82'777);
    EXPECT_EQ((*host)["connections"], 3);
    EXPECT_EQ((*host)["processes"], nlohmann::json::array({ownComm()}));
}

TEST_F(CliConnections, ConnectionClosedBetweenTicksStillCountsInItsHost) {
    const TestNetwork& network = *m_network;
    const NamespaceSocket listener = listenInA(network, 40102);
    TcpConnection kept(network, listener);
    TcpConnection closing(network, listener);
    ChildProcess watch(
        network.inA({kNetmon, "--mode", "basic", "watch", "--json", "--interval", "200"}));

    const auto hostIn = [&](const nlohmann::json& tick) -> std::uint64_t {
        const auto host = findNamed(tick["hosts"], network.addressB, "address");
        return host ? (*host)["bytes_in"].get<std::uint64_t>() : 0;
    };
    const auto hasFlow = [&](const nlohmann::json& tick, std::uint16_t clientPort) {
        return flowWithPorts(tick["flows"], 40102, clientPort).has_value();
    };
    kept.transfer(10'000, 1'000);
    closing.transfer(40'000, 4'000);

    nlohmann::json tick = {{"hosts", nlohmann::json::array()}, {"flows", nlohmann::json::array()}};
    for (int i = 0; i < 50 && hostIn(tick) != 50'000; ++i) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << watch.drainStderr();
        tick = nlohmann::json::parse(*line);
    }
    ASSERT_EQ(hostIn(tick), 50'000U) << tick["hosts"].dump();
    ASSERT_TRUE(hasFlow(tick, closing.clientPort()));

    closing.close();
    for (int i = 0; i < 50 && hasFlow(tick, closing.clientPort()); ++i) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << watch.drainStderr();
        tick = nlohmann::json::parse(*line);
    }
    EXPECT_FALSE(hasFlow(tick, closing.clientPort())) << "the closed connection is gone";
    EXPECT_TRUE(hasFlow(tick, kept.clientPort()));
    EXPECT_EQ(hostIn(tick), 50'000U) << "its bytes stay in the host's total";
    const auto later = watch.readLine(5s);
    ASSERT_TRUE(later);
    const nlohmann::json laterTick = nlohmann::json::parse(*later);
    EXPECT_EQ(hostIn(laterTick), 50'000U);
    // The closed connection's TIME_WAIT socket has no counters of its own: its bytes are the
    // closed connection's, so the total stays exact, not a lower bound.
    const auto host = findNamed(laterTick["hosts"], network.addressB, "address");
    ASSERT_TRUE(host);
    EXPECT_EQ((*host)["bytes_complete"], true) << host->dump();
    watch.signal(SIGTERM);
    EXPECT_EQ(watch.wait(5s), 0);
}

}  // namespace
}  // namespace netmon::test
