// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon interfaces` against a fake interface source: exactly the counters the source gave,
// virtual interfaces hidden unless asked, names from the system shown escaped, and a failed
// read an error (exit 1) rather than an empty list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace netmon::cli::test {
namespace {

using netmon::test::makeInterface;

InterfaceStat wiredEth0() {
    InterfaceStat eth0 = makeInterface("eth0", 2, 123'456'789'012, 9'876'543'210, 98'765, 43'210);
    eth0.mac = "02:00:5e:10:00:01";
    eth0.speedMbps = 1000;
    eth0.addresses = {"192.0.2.10/24", "2001:db8::10/64"};
    eth0.counters.rxErrors = 3;
    eth0.counters.txErrors = 1;
    eth0.counters.rxDrops = 7;
    eth0.counters.txDrops = 2;
    return eth0;
}

InterfaceStat vethPeer() {
    InterfaceStat veth = makeInterface("veth1", 9, 500, 600, 5, 6);
    veth.kind = InterfaceKind::Veth;
    veth.isVirtual = true;
    veth.counterBits = 32;
    return veth;
}

// eth0 as the source gave it, every field written out by hand.
const nlohmann::json kEth0Json = {
    {"name", "eth0"},
    {"index", 2},
    {"mac", "02:00:5e:10:00:01"},
    {"state", "up"},
    {"kind", "ethernet"},
    {"virtual", false},
    {"speed_mbps", 1000},
    {"addresses", {"192.0.2.10/24", "2001:db8::10/64"}},
    {"rx_bytes", 123'456'789'012ULL},
    {"tx_bytes", 9'876'543'210ULL},
    {"rx_packets", 98'765},
    {"tx_packets", 43'210},
    {"rx_errors", 3},
    {"tx_errors", 1},
    {"rx_drops", 7},
    {"tx_drops", 2},
    {"counter_bits", 64},
};

class InterfacesCommand : public ::testing::Test {
protected:
    netmon::test::TempDir m_dir;
    FakeMachine m_machine;
};

TEST_F(InterfacesCommand, JsonPrintsTheSourcesCountersExactlyAndHidesVirtualInterfaces) {
    m_machine.pushInterfaces({wiredEth0(), vethPeer()});
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"interfaces", "--json"});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out), nlohmann::json::array({kEth0Json})) << run.out;
}

TEST_F(InterfacesCommand, JsonWithAllAddsTheVirtualInterface) {
    m_machine.pushInterfaces({wiredEth0(), vethPeer()});
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"interfaces", "--json", "--all"});
    ASSERT_EQ(run.status, 0) << run.err;
    const nlohmann::json veth = {
        {"name", "veth1"},
        {"index", 9},
        {"mac", ""},
        {"state", "up"},
        {"kind", "veth"},
        {"virtual", true},
        {"speed_mbps", nullptr},
        {"addresses", nlohmann::json::array()},
        {"rx_bytes", 500},
        {"tx_bytes", 600},
        {"rx_packets", 5},
        {"tx_packets", 6},
        {"rx_errors", 0},
        {"tx_errors", 0},
        {"rx_drops", 0},
        {"tx_drops", 0},
        {"counter_bits", 32},
    };
    EXPECT_EQ(nlohmann::json::parse(run.out), nlohmann::json::array({kEth0Json, veth}));
}

TEST_F(InterfacesCommand, TableShowsANameWithControlCharactersEscaped) {
    InterfaceStat eth0 = makeInterface("eth0", 2, 2048, 512, 20, 8);
    eth0.speedMbps = 1000;
    eth0.addresses = {"192.0.2.10/24"};
    InterfaceStat hostile = makeInterface("evil\x1b[2J\nname", 3, 0, 0);
    hostile.state = OperState::Down;
    m_machine.pushInterfaces({eth0, hostile, vethPeer()});
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"interfaces"});
    ASSERT_EQ(run.status, 0) << run.err;
    // Hand-laid: the hostile name shows as 19 characters (ESC and the newline as \x1b and \x0a,
    // 4 each), which sets the NAME column; 2048 B is 2.00 KiB, 1000 Mbit/s 1.00 Gbit/s; numbers
    // right-aligned; the last column unpadded; the veth hidden and counted below.
    EXPECT_EQ(
        run.out,
        "NAME                 STATE  KIND            SPEED        RX     TX  RX PKTS  TX PKTS"
        "  ADDRESSES\n"
        "eth0                 up     ethernet  1.00 Gbit/s  2.00 KiB  512 B       20        8"
        "  192.0.2.10/24\n"
        "evil\\x1b[2J\\x0aname  down   ethernet            -       0 B    0 B        0        0"
        "  \n"
        "(1 loopback/virtual interface hidden; --all shows them)\n");
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
}

TEST_F(InterfacesCommand, AFailedReadIsAnErrorWithTheSourcesReasonNotAnEmptyList) {
    m_machine.failInterfaceReads("netlink dump refused");
    const CliRun run = runNetmon(m_machine, m_dir.path(), {"interfaces", "--json"});
    EXPECT_EQ(run.status, kExitFailure);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "netmon: error: netlink dump refused\n");
}

}  // namespace
}  // namespace netmon::cli::test
