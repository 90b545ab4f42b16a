// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon hosts` and `processes` in basic mode, where UDP flows have no byte counts: a host or
// process reached only over UDP says its bytes are unknown (JSON null, "n/a"), never 0, and one
// with TCP and UDP flows gives exactly its TCP bytes, marked as a lower bound.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <sstream>
#include <vector>

#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/namespace_socket.h"
#include "integration/network_test.h"
#include "integration/tcp_transfer.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

constexpr int kDatagrams = 20;
constexpr int kPayload = 1'000;

// A connected UDP socket in namespace a talking to one in namespace b, both open for the test's
// life, after `kDatagrams` datagrams of `kPayload` bytes went each way (the kernel's own counter
// on the veth proves they did).
class UdpPeers {
public:
    UdpPeers(const TestNetwork& network, std::uint16_t port)
        : m_a(network.nsA, SOCK_DGRAM), m_b(network.nsB, SOCK_DGRAM) {
        bindTo(m_a, network.addressA, 0);
        bindTo(m_b, network.addressB, port);
        connectTo(m_a, network.addressB, port);
        connectTo(m_b, network.addressA, localPort(m_a));
        const std::uint64_t before = network.counter(network.nsA, network.ifA, "tx_bytes");
        exchange(m_a, m_b);
        exchange(m_b, m_a);
        m_sentOnWire = network.counter(network.nsA, network.ifA, "tx_bytes") - before;
    }
    [[nodiscard]] std::uint64_t sentOnWire() const { return m_sentOnWire; }
    [[nodiscard]] std::uint16_t portA() const { return localPort(m_a); }

private:
    static void exchange(const NamespaceSocket& from, const NamespaceSocket& to) {
        timeval timeout{2, 0};
        ::setsockopt(to.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        std::vector<char> payload(kPayload, 'u');
        for (int i = 0; i < kDatagrams; ++i) {
            ASSERT_EQ(::send(from.fd(), payload.data(), payload.size(), 0), kPayload);
            ASSERT_EQ(::recv(to.fd(), payload.data(), payload.size(), 0), kPayload);
        }
    }

    NamespaceSocket m_a;
    NamespaceSocket m_b;
    std::uint64_t m_sentOnWire = 0;
};

std::optional<nlohmann::json> processWithPid(const nlohmann::json& processes, pid_t pid) {
    for (const auto& process : processes) {
        if (process["pid"] == pid) {
            return process;
        }
    }
    return std::nullopt;
}

// The line of a text table that starts with `first` (its first column), or "".
std::string rowStartingWith(const std::string& table, const std::string& first) {
    std::istringstream lines(table);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(first + " ", 0) == 0) {
            return line;
        }
    }
    return {};
}

std::string runOk(const std::vector<std::string>& argv) {
    const CommandResult result = runCommand(argv);
    EXPECT_EQ(result.status, 0) << result.err;
    return result.out;
}

using CliUnknownBytes = NetworkTest;

TEST_F(CliUnknownBytes, HostAndProcessReachedOnlyOverUdpAreUnknownNotZero) {
    const TestNetwork& network = *m_network;
    const UdpPeers udp(network, 40200);
    ASSERT_GE(udp.sentOnWire(), kDatagrams * (kPayload + kUdpOverIpv4FrameOverhead))
        << "the kernel carried the datagrams";

    const std::string hostsOut =
        runOk(network.inA({kNetmon, "--mode", "basic", "hosts", "--json"}));
    const auto host = findNamed(nlohmann::json::parse(hostsOut), network.addressB, "address");
    ASSERT_TRUE(host) << hostsOut;
    EXPECT_TRUE((*host)["bytes_in"].is_null()) << host->dump();
    EXPECT_TRUE((*host)["bytes_out"].is_null()) << host->dump();
    EXPECT_EQ((*host)["bytes_complete"], false);
    EXPECT_TRUE((*host)["in_bps"].is_null());
    EXPECT_EQ((*host)["connections"], 1);

    const std::string processesOut =
        runOk(network.inA({kNetmon, "--mode", "basic", "processes", "--json"}));
    const auto process = processWithPid(nlohmann::json::parse(processesOut), ::getpid());
    ASSERT_TRUE(process) << processesOut;
    EXPECT_TRUE((*process)["bytes_in"].is_null()) << process->dump();
    EXPECT_TRUE((*process)["bytes_out"].is_null());
    EXPECT_EQ((*process)["bytes_complete"], false);

    // The flow itself says the same.
    const std::string flowsOut =
        runOk(network.inA({kNetmon, "--mode", "basic", "connections", "--json", "--proto", "udp"}));
    bool seen = false;
    for (const auto& flow : nlohmann::json::parse(flowsOut)) {
        if (flow["local_port"] == udp.portA()) {
            seen = true;
            EXPECT_TRUE(flow["bytes_in"].is_null()) << flow.dump();
            EXPECT_TRUE(flow["bytes_out"].is_null());
        }
    }
    EXPECT_TRUE(seen) << flowsOut;

    // Tables: "n/a", never "0 B".
    const std::string hostsTable = runOk(network.inA({kNetmon, "--mode", "basic", "hosts"}));
    const std::string hostRow = rowStartingWith(hostsTable, network.addressB);
    ASSERT_FALSE(hostRow.empty()) << hostsTable;
    EXPECT_NE(hostRow.find("n/a"), std::string::npos) << hostRow;
    EXPECT_EQ(hostRow.find("0 B"), std::string::npos) << hostRow;
    EXPECT_NE(hostsTable.find("n/a: none of its flows has byte counts"), std::string::npos)
        << hostsTable;
    const std::string processesTable =
        runOk(network.inA({kNetmon, "--mode", "basic", "processes"}));
    const std::string processRow = rowStartingWith(processesTable, std::to_string(::getpid()));
    ASSERT_FALSE(processRow.empty()) << processesTable;
    EXPECT_NE(processRow.find("n/a"), std::string::npos) << processRow;
    EXPECT_EQ(processRow.find("0 B"), std::string::npos) << processRow;
}

TEST_F(CliUnknownBytes, TcpAndUdpToOneHostGiveExactlyTheTcpBytesAsALowerBound) {
    const TestNetwork& network = *m_network;
    constexpr std::uint64_t kToServer = 123'456;  // "121 KiB"
    constexpr std::uint64_t kToClient = 7'890;
    const NamespaceSocket listener = listenInA(network, 40201);
    TcpConnection tcp(network, listener);
    tcp.transfer(kToServer, kToClient);
    const UdpPeers udp(network, 40202);

    const auto hostB = [&](const nlohmann::json& hosts) {
        return findNamed(hosts, network.addressB, "address");
    };
    const nlohmann::json hosts = pollJson(
        network.inA({kNetmon, "--mode", "basic", "hosts", "--json"}),
        [&](const nlohmann::json& all) {
            const auto host = hostB(all);
            return host && (*host)["bytes_in"] == kToServer && (*host)["bytes_out"] == kToClient;
        });
    const auto host = hostB(hosts);
    ASSERT_TRUE(host) << hosts.dump(1);
    EXPECT_EQ((*host)["bytes_in"], kToServer) << "exactly the TCP payload, the UDP adds no 0";
    EXPECT_EQ((*host)["bytes_out"], kToClient);
    EXPECT_EQ((*host)["bytes_complete"], false) << "a lower bound: the UDP flow is not counted";
    EXPECT_EQ((*host)["connections"], 2);

    const nlohmann::json processes = nlohmann::json::parse(
        runOk(network.inA({kNetmon, "--mode", "basic", "processes", "--json"})));
    const auto process = processWithPid(processes, ::getpid());
    ASSERT_TRUE(process) << processes.dump(1);
    EXPECT_EQ((*process)["bytes_in"], kToServer);
    EXPECT_EQ((*process)["bytes_out"], kToClient);
    EXPECT_EQ((*process)["bytes_complete"], false);

    const std::string table = runOk(network.inA({kNetmon, "--mode", "basic", "hosts"}));
    const std::string row = rowStartingWith(table, network.addressB);
    EXPECT_NE(row.find("≥ 121 KiB"), std::string::npos) << table;
}

TEST_F(CliUnknownBytes, TcpOnlyHostIsComplete) {
    const TestNetwork& network = *m_network;
    const NamespaceSocket listener = listenInA(network, 40203);
    TcpConnection tcp(network, listener);
    tcp.transfer(5'000, 500);
    const nlohmann::json hosts =
        pollJson(network.inA({kNetmon, "--mode", "basic", "hosts", "--json"}),
                 [&](const nlohmann::json& all) {
                     const auto host = findNamed(all, network.addressB, "address");
                     return host && (*host)["bytes_in"] == 5'000;
                 });
    const auto host = findNamed(hosts, network.addressB, "address");
    ASSERT_TRUE(host) << hosts.dump(1);
    EXPECT_EQ((*host)["bytes_in"], 5'000);
    EXPECT_EQ((*host)["bytes_complete"], true);
    EXPECT_EQ((*host)["rates_complete"], true);
}

TEST_F(CliUnknownBytes, TimeWaitAfterACloseLeavesTheHostExact) {
    using namespace std::chrono_literals;
    const TestNetwork& network = *m_network;
    constexpr std::uint64_t kToServer = 30'000;
    constexpr std::uint64_t kToClient = 3'000;
    const NamespaceSocket listener = listenInA(network, 40204);
    TcpConnection tcp(network, listener);
    // The client side (namespace b) closes first, so its socket stays in TIME_WAIT, without
    // counters of its own.
    ChildProcess watch(
        network.inB({kNetmon, "--mode", "basic", "watch", "--json", "--interval", "200"}));
    const auto hostA = [&](const nlohmann::json& tick) {
        return findNamed(tick["hosts"], network.addressA, "address");
    };
    const auto clientState = [&](const nlohmann::json& tick) -> std::string {
        for (const auto& flow : tick["flows"]) {
            if (flow["local_port"] == tcp.clientPort() && flow["remote_port"] == 40204) {
                return flow["state"];
            }
        }
        return {};
    };
    tcp.transfer(kToServer, kToClient);
    nlohmann::json tick;
    for (int i = 0; i < 50; ++i) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << watch.drainStderr();
        tick = nlohmann::json::parse(*line);
        const auto host = hostA(tick);
        if (host && (*host)["bytes_out"] == kToServer && (*host)["bytes_in"] == kToClient) {
            break;
        }
    }
    tcp.close();
    for (int i = 0; i < 50 && clientState(tick) != "TIME_WAIT"; ++i) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << watch.drainStderr();
        tick = nlohmann::json::parse(*line);
    }
    ASSERT_EQ(clientState(tick), "TIME_WAIT") << tick["flows"].dump();
    for (int i = 0; i < 3; ++i) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << watch.drainStderr();
        tick = nlohmann::json::parse(*line);
        const auto host = hostA(tick);
        ASSERT_TRUE(host) << tick["hosts"].dump();
        EXPECT_EQ((*host)["bytes_out"], kToServer) << host->dump();
        EXPECT_EQ((*host)["bytes_in"], kToClient);
        EXPECT_EQ((*host)["bytes_complete"], true) << "the TIME_WAIT socket's bytes are known";
    }
    watch.signal(SIGTERM);
    EXPECT_EQ(watch.wait(5s), 0);
}

}  // namespace
}  // namespace netmon::test
