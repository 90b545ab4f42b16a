// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/tcp_estats.h"

#include <gtest/gtest.h>

#include <map>

#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {
namespace {

// Stands in for SetPerTcpConnectionEStats / GetPerTcpConnectionEStats, which neither Wine (stubs
// that end the process) nor a non-elevated process can call.
class FakeTcpStats final : public TcpStatsApi {
public:
    std::map<FlowKey, TcpCounters> counters;
    std::map<FlowKey, int> enables;
    std::uint32_t enableStatus = NO_ERROR;
    int reads = 0;

    std::uint32_t enableCollection(const FlowKey& key) override {
        ++enables[key];
        return enableStatus;
    }
    std::uint32_t read(const FlowKey& key, TcpCounters& out) override {
        ++reads;
        const auto found = counters.find(key);
        if (found == counters.end()) {
            return ERROR_NOT_FOUND;  // the connection closed between the table and the call
        }
        out = found->second;
        return NO_ERROR;
    }
};

SocketRecord tcp(std::uint16_t localPort, std::string state) {
    SocketRecord record;
    record.key.protocol = Protocol::Tcp;
    record.key.localAddress = *IpAddress::parse("192.0.2.10");
    record.key.localPort = localPort;
    record.key.remoteAddress = *IpAddress::parse("198.51.100.7");
    record.key.remotePort = 443;
    record.state = std::move(state);
    return record;
}

TEST(TcpStats, AvailableOnlyElevatedOnWindowsWithTheCalls) {
    EXPECT_TRUE(tcpStatsAvailability(true, std::nullopt, true).available);
    const auto wine = tcpStatsAvailability(true, std::string("8.0"), true);
    EXPECT_FALSE(wine.available);
    EXPECT_NE(wine.reason.find("Wine 8.0"), std::string::npos);
    const auto user = tcpStatsAvailability(false, std::nullopt, true);
    EXPECT_FALSE(user.available);
    EXPECT_NE(user.reason.find("admin"), std::string::npos);
    EXPECT_FALSE(tcpStatsAvailability(true, std::nullopt, false).available);
}

TEST(TcpStats, SwitchesCollectionOnOnceAndFillsBytes) {
    auto api = std::make_unique<FakeTcpStats>();
    FakeTcpStats* fake = api.get();
    TcpStatsCollector collector(std::move(api));
    std::vector<SocketRecord> records{tcp(50000, "ESTABLISHED"), tcp(50001, "CLOSE_WAIT")};
    fake->counters[records[0].key] = {1234567, 89, 900, 80};
    collector.fill(records);
    collector.fill(records);
    EXPECT_EQ(fake->enables[records[0].key], 1);
    EXPECT_EQ(fake->enables[records[1].key], 1);
    EXPECT_EQ(records[0].bytesSent, 1234567U);
    EXPECT_EQ(records[0].bytesReceived, 89U);
    EXPECT_EQ(records[0].segmentsOut, 900U);
    EXPECT_EQ(records[0].segmentsIn, 80U);
    EXPECT_FALSE(records[1].bytesSent.has_value());  // gone before its read: no bytes, no zero
    EXPECT_TRUE(collector.takeWarnings().empty());
}

TEST(TcpStats, NeverAsksAboutListenersTimeWaitOrUdp) {
    auto api = std::make_unique<FakeTcpStats>();
    FakeTcpStats* fake = api.get();
    TcpStatsCollector collector(std::move(api));
    SocketRecord udp = tcp(53, "UNCONN");
    udp.key.protocol = Protocol::Udp;
    std::vector<SocketRecord> records{tcp(80, "LISTEN"), tcp(50002, "TIME_WAIT"), udp,
                                      tcp(50003, "CLOSE")};
    collector.fill(records);
    EXPECT_TRUE(fake->enables.empty());
    EXPECT_EQ(fake->reads, 0);
}

TEST(TcpStats, RefusedSwitchOnIsSaidOnceAndLeavesBytesEmpty) {
    auto api = std::make_unique<FakeTcpStats>();
    FakeTcpStats* fake = api.get();
    fake->enableStatus = ERROR_ACCESS_DENIED;
    TcpStatsCollector collector(std::move(api));
    std::vector<SocketRecord> records{tcp(50000, "ESTABLISHED"), tcp(50001, "ESTABLISHED")};
    collector.fill(records);
    collector.fill(records);
    EXPECT_FALSE(records[0].bytesSent.has_value());
    EXPECT_EQ(fake->reads, 0);
    const auto warnings = collector.takeWarnings();
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_NE(warnings[0].find("error 5"), std::string::npos) << warnings[0];
    EXPECT_EQ(fake->enables[records[0].key], 2);  // tried again each tick
}

TEST(TcpStats, ForgetsClosedConnectionsAndSwitchesOnAgainForANewOne) {
    auto api = std::make_unique<FakeTcpStats>();
    FakeTcpStats* fake = api.get();
    TcpStatsCollector collector(std::move(api));
    std::vector<SocketRecord> first{tcp(50000, "ESTABLISHED")};
    collector.fill(first);
    std::vector<SocketRecord> none;
    collector.fill(none);
    std::vector<SocketRecord> reused{tcp(50000, "SYN_RECV")};  // same 5-tuple, new connection
    collector.fill(reused);
    EXPECT_EQ(fake->enables[first[0].key], 2);
}

}  // namespace
}  // namespace netmon::windows_platform
