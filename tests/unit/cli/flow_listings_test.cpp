// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon hosts`, `processes` and `connections` in basic mode against a fake socket table: a
// UDP flow (basic mode has no byte counts for UDP) is unknown — JSON null, "n/a" — never 0,
// a TCP flow has exactly the bytes the socket table gave, and a process name from the system
// is shown escaped in a table and kept as it is in JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_support.h"

namespace netmon::cli::test {
namespace {

using netmon::test::opened;
using netmon::test::ownedBy;
using netmon::test::tcpSocket;

// A connected UDP socket as the socket table shows it in basic mode: no byte counts.
SocketRecord udpSocket(const char* local, std::uint16_t localPort, const char* remote,
                       std::uint16_t remotePort, std::uint64_t cookie, std::uint64_t inode) {
    SocketRecord record;
    record.key.protocol = Protocol::Udp;
    record.key.localAddress = IpAddress::parse(local).value();
    record.key.localPort = localPort;
    record.key.remoteAddress = IpAddress::parse(remote).value();
    record.key.remotePort = remotePort;
    record.cookie = cookie;
    record.inode = inode;
    record.state = "ESTABLISHED";
    return record;
}

// The entry of `array` whose `field` is `value`, or null.
nlohmann::json entryWith(const nlohmann::json& array, const char* field,
                         const nlohmann::json& value) {
    for (const nlohmann::json& entry : array) {
        if (entry[field] == value) {
            return entry;
        }
    }
    return nullptr;
}

// The table row whose first cell is `first`, split at runs of blanks.
std::vector<std::string> rowCells(const std::string& table, const std::string& first) {
    for (const std::string& line : linesOf(table)) {
        std::istringstream words(line);
        std::vector<std::string> cells;
        for (std::string word; words >> word;) {
            cells.push_back(word);
        }
        if (!cells.empty() && cells[0] == first) {
            return cells;
        }
    }
    return {};
}

class FlowListings : public ::testing::Test {
protected:
    FlowListings() {
        // A resolver (pid 4321) talking to 198.51.100.53 over UDP, and curl (pid 777)
        // fetching from 203.0.113.9 over TCP: 3,000 bytes in, 1,000 out.
        m_machine.setOwner(21, ownedBy(4321, "resolver"));
        m_machine.setOwner(22, ownedBy(777, "curl"));
        m_machine.pushSockets(
            opened({udpSocket("192.0.2.10", 40000, "198.51.100.53", 53, 1, 21),
                    tcpSocket("192.0.2.10", 50000, "203.0.113.9", 443, 2, 3'000, 1'000, 22)}));
        m_machine.pushInterfaces({netmon::test::makeInterface("eth0", 2, 0, 0)});
    }

    CliRun run(std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), {"--mode", "basic"});
        return runNetmon(m_machine, m_dir.path(), std::move(arguments));
    }

    netmon::test::TempDir m_dir;
    FakeMachine m_machine;
};

TEST_F(FlowListings, HostsJsonSaysUnknownForTheUdpHostAndTheExactBytesForTheTcpHost) {
    const CliRun hosts = run({"hosts", "--json"});
    ASSERT_EQ(hosts.status, 0) << hosts.err;
    const nlohmann::json all = nlohmann::json::parse(hosts.out);
    ASSERT_EQ(all.size(), 2U) << hosts.out;

    const nlohmann::json udp = entryWith(all, "address", "198.51.100.53");
    ASSERT_FALSE(udp.is_null()) << hosts.out;
    EXPECT_TRUE(udp["bytes_in"].is_null()) << udp.dump();
    EXPECT_TRUE(udp["bytes_out"].is_null()) << udp.dump();
    EXPECT_EQ(udp["bytes_complete"], false);
    EXPECT_EQ(udp["connections"], 1);
    EXPECT_EQ(udp["processes"], nlohmann::json::array({"resolver"}));

    const nlohmann::json tcp = entryWith(all, "address", "203.0.113.9");
    ASSERT_FALSE(tcp.is_null()) << hosts.out;
    EXPECT_EQ(tcp["bytes_in"], 3'000);
    EXPECT_EQ(tcp["bytes_out"], 1'000);
    EXPECT_EQ(tcp["bytes_complete"], true);
}

TEST_F(FlowListings, HostsTablePrintsNaForTheUdpHostNotZero) {
    const CliRun hosts = run({"hosts"});
    ASSERT_EQ(hosts.status, 0) << hosts.err;
    // HOST, (no NAME: no reverse DNS here), IN, OUT, (no rates from one reading), CONNS,
    // PROCESSES; 3,000 B is 2.93 KiB.
    EXPECT_EQ(rowCells(hosts.out, "198.51.100.53"),
              (std::vector<std::string>{"198.51.100.53", "n/a", "n/a", "1", "resolver"}))
        << hosts.out;
    EXPECT_EQ(rowCells(hosts.out, "203.0.113.9"),
              (std::vector<std::string>{"203.0.113.9", "2.93", "KiB", "1000", "B", "1", "curl"}))
        << hosts.out;
    EXPECT_NE(hosts.out.find("n/a: none of its flows has byte counts"), std::string::npos)
        << hosts.out;
}

TEST_F(FlowListings, ProcessesSayUnknownForTheUdpOnlyProcess) {
    const CliRun json = run({"processes", "--json"});
    ASSERT_EQ(json.status, 0) << json.err;
    const nlohmann::json resolver = entryWith(nlohmann::json::parse(json.out), "pid", 4321);
    ASSERT_FALSE(resolver.is_null()) << json.out;
    EXPECT_EQ(resolver["name"], "resolver");
    EXPECT_TRUE(resolver["bytes_in"].is_null()) << resolver.dump();
    EXPECT_TRUE(resolver["bytes_out"].is_null());
    EXPECT_EQ(resolver["bytes_complete"], false);

    const CliRun table = run({"processes"});
    ASSERT_EQ(table.status, 0) << table.err;
    // PID, PROCESS, IN, OUT, CONNS, LISTEN, EXECUTABLE (ownedBy's /usr/bin/<name>).
    EXPECT_EQ(
        rowCells(table.out, "4321"),
        (std::vector<std::string>{"4321", "resolver", "n/a", "n/a", "1", "0", "/usr/bin/resolver"}))
        << table.out;
}

TEST_F(FlowListings, ConnectionsJsonGivesTheUdpFlowNullBytes) {
    const CliRun run = this->run({"connections", "--json", "--proto", "udp"});
    ASSERT_EQ(run.status, 0) << run.err;
    const nlohmann::json flows = nlohmann::json::parse(run.out);
    ASSERT_EQ(flows.size(), 1U) << run.out;
    const nlohmann::json& flow = flows[0];
    EXPECT_EQ(flow["protocol"], "udp");
    EXPECT_EQ(flow["local_address"], "192.0.2.10");
    EXPECT_EQ(flow["local_port"], 40000);
    EXPECT_EQ(flow["remote_address"], "198.51.100.53");
    EXPECT_EQ(flow["remote_port"], 53);
    EXPECT_EQ(flow["pid"], 4321);
    EXPECT_EQ(flow["process"], "resolver");
    EXPECT_TRUE(flow["bytes_in"].is_null()) << flow.dump();
    EXPECT_TRUE(flow["bytes_out"].is_null());
}

TEST(ConnectionsCommand, ProcessNameWithControlCharactersIsEscapedInTheTableAndKeptInJson) {
    netmon::test::TempDir dir;
    FakeMachine machine;
    const std::string hostile = "evil\x1b]0;owned\x07";
    machine.setOwner(31, ownedBy(666, hostile));
    machine.pushSockets(
        opened({tcpSocket("192.0.2.10", 50001, "203.0.113.9", 443, 3, 100, 200, 31)}));
    machine.pushInterfaces({netmon::test::makeInterface("eth0", 2, 0, 0)});

    const CliRun table = runNetmon(machine, dir.path(), {"--mode", "basic", "connections"});
    ASSERT_EQ(table.status, 0) << table.err;
    EXPECT_NE(table.out.find("evil\\x1b]0;owned\\x07 (666)"), std::string::npos) << table.out;
    EXPECT_EQ(table.out.find('\x1b'), std::string::npos);
    EXPECT_EQ(table.out.find('\x07'), std::string::npos);

    const CliRun json =
        runNetmon(machine, dir.path(), {"--mode", "basic", "connections", "--json"});
    ASSERT_EQ(json.status, 0) << json.err;
    const nlohmann::json flows = nlohmann::json::parse(json.out);
    ASSERT_EQ(flows.size(), 1U);
    EXPECT_EQ(flows[0]["process"], hostile);
}

}  // namespace
}  // namespace netmon::cli::test
