// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/captured_flow_source.h"

#include <gtest/gtest.h>

#include "fakes/fake_flow_sources.h"

namespace netmon {
namespace {

using test::opened;
using test::tcpSocket;

// Counters a test sets; remembers the interfaces it was asked to follow.
class FakeCaptureEngine final : public CaptureEngine {
public:
    Result<void> setInterfaces(const std::vector<std::string>& names) override {
        interfaces = names;
        ++setCalls;
        return {};
    }
    Result<CaptureReading> read() override {
        if (failing) {
            return fail("ring buffer gone");
        }
        return reading;
    }
    [[nodiscard]] std::string_view name() const override { return "fake-capture"; }

    CaptureReading reading;
    std::vector<std::string> interfaces;
    int setCalls = 0;
    bool failing = false;
};

CapturedFlow captured(const char* local, std::uint16_t localPort, const char* remote,
                      std::uint16_t remotePort, Protocol protocol, std::uint64_t in,
                      std::uint64_t out) {
    CapturedFlow flow;
    flow.key = {protocol, IpAddress::parse(local).value(), localPort,
                IpAddress::parse(remote).value(), remotePort};
    flow.bytesIn = in;
    flow.bytesOut = out;
    flow.packetsIn = in / 100;
    flow.packetsOut = out / 100;
    return flow;
}

struct CapturedFlowSourceTest : ::testing::Test {
    CapturedFlowSourceTest() {
        auto engineOwned = std::make_unique<FakeCaptureEngine>();
        auto tableOwned = std::make_unique<test::FakeSocketSource>();
        engine = engineOwned.get();
        table = tableOwned.get();
        source =
            std::make_unique<CapturedFlowSource>(std::move(engineOwned), std::move(tableOwned));
    }
    const SocketRecord* find(const SocketReading& reading, std::uint16_t localPort,
                             Protocol protocol) {
        for (const SocketRecord& record : reading.open) {
            if (record.key.localPort == localPort && record.key.protocol == protocol &&
                !record.listening) {
                return &record;
            }
        }
        return nullptr;
    }
    FakeCaptureEngine* engine = nullptr;
    test::FakeSocketSource* table = nullptr;
    std::unique_ptr<CapturedFlowSource> source;
};

TEST_F(CapturedFlowSourceTest, CapturedBytesWithTheMatchingSocketsStateAndOwner) {
    engine->reading.flows = {
        captured("192.0.2.1", 50000, "198.51.100.7", 443, Protocol::Tcp, 9'000, 1'200)};
    // A dual-stack socket reports its IPv4 peer v4-mapped: still the same connection.
    SocketRecord socket =
        tcpSocket("::ffff:192.0.2.1", 50000, "::ffff:198.51.100.7", 443, 77, 8'500, 1'000, 4242);
    socket.uid = 1000;
    table->push(opened({socket}));
    const auto reading = source->read().value();
    const SocketRecord* flow = find(reading, 50000, Protocol::Tcp);
    ASSERT_NE(flow, nullptr);
    ASSERT_EQ(reading.open.size(), 1U) << "matched, so not listed twice";
    EXPECT_EQ(flow->bytesReceived, 9'000U) << "wire bytes from the capture, not tcp_info";
    EXPECT_EQ(flow->bytesSent, 1'200U);
    EXPECT_EQ(flow->segmentsIn, 90U);
    EXPECT_EQ(flow->state, "ESTABLISHED");
    EXPECT_EQ(flow->inode, 4242U);
    EXPECT_EQ(flow->uid, 1000U);
    EXPECT_EQ(flow->cookie, capturedFlowCookie(flow->key));
}

TEST_F(CapturedFlowSourceTest, UdpDatagramsBelongToTheSocketBoundToTheirPort) {
    engine->reading.flows = {
        captured("192.0.2.1", 53, "198.51.100.7", 40000, Protocol::Udp, 500, 700)};
    SocketRecord bound;
    bound.key = {Protocol::Udp, IpAddress::parse("0.0.0.0").value(), 53,
                 IpAddress::parse("0.0.0.0").value(), 0};
    bound.state = "UNCONN";
    bound.listening = true;
    bound.inode = 99;
    table->push(opened({bound}));
    const auto reading = source->read().value();
    const SocketRecord* flow = find(reading, 53, Protocol::Udp);
    ASSERT_NE(flow, nullptr);
    EXPECT_EQ(flow->inode, 99U);
    EXPECT_EQ(flow->bytesReceived, 500U);
    EXPECT_EQ(reading.open.size(), 2U) << "the bound socket is still listed as listening";
}

TEST_F(CapturedFlowSourceTest, IdentityStaysWhenASocketMatchesLater) {
    engine->reading.flows = {
        captured("192.0.2.1", 50000, "198.51.100.7", 443, Protocol::Tcp, 100, 0)};
    table->push(opened({}));
    const std::uint64_t before = find(source->read().value(), 50000, Protocol::Tcp)->cookie;
    table->push(opened({tcpSocket("192.0.2.1", 50000, "198.51.100.7", 443, 5, 0, 0, 7)}));
    const std::uint64_t after = find(source->read().value(), 50000, Protocol::Tcp)->cookie;
    EXPECT_EQ(before, after);
}

TEST_F(CapturedFlowSourceTest, IdleConnectionsAreListedWithZeroCapturedBytes) {
    table->push(opened({tcpSocket("192.0.2.1", 50001, "198.51.100.7", 22, 5, 123'456, 0, 8)}));
    const auto reading = source->read().value();
    const SocketRecord* flow = find(reading, 50001, Protocol::Tcp);
    ASSERT_NE(flow, nullptr);
    EXPECT_EQ(flow->bytesReceived, 0U) << "deep mode counts since capture started";
    EXPECT_EQ(flow->inode, 8U);
}

// The table is dumped again only when the flows say it may have changed, or every
// kTableRefreshReads reads; in between its last reading keeps serving states and listeners.
TEST_F(CapturedFlowSourceTest, ReadsTheSocketTableAgainOnlyWhenFlowsMoveOrItIsDue) {
    CapturedFlow ping = captured("192.0.2.1", 0, "198.51.100.7", 0, Protocol::Icmp, 84, 84);
    CapturedFlow https =
        captured("192.0.2.1", 50000, "198.51.100.7", 443, Protocol::Tcp, 9'000, 1'200);
    const SocketRecord listener = tcpSocket("0.0.0.0", 22, "0.0.0.0", 0, 10, 0, 0, 31, "LISTEN");
    table->push(
        opened({listener, tcpSocket("192.0.2.1", 50000, "198.51.100.7", 443, 5, 0, 0, 4242)}));
    engine->reading.flows = {ping, https};
    const auto expectTable = [&](int reads, const char* when) {
        const auto reading = source->read().value();
        EXPECT_EQ(table->reads, reads) << when;
        ASSERT_EQ(reading.open.size(), 3U) << when;  // listener, ping, connection
        const SocketRecord* connection = find(reading, 50000, Protocol::Tcp);
        ASSERT_NE(connection, nullptr) << when;
        EXPECT_EQ(connection->state, "ESTABLISHED") << when;
        EXPECT_EQ(connection->inode, 4242U) << when;
        EXPECT_EQ(connection->bytesReceived, https.bytesIn) << when;
    };
    expectTable(1, "first read");
    expectTable(1, "nothing moved");
    engine->reading.flows[0].packetsIn += 100;  // pings have no socket in the table
    engine->reading.flows[0].bytesIn += 8'400;
    expectTable(1, "only ICMP moved");
    engine->reading.flows[1].packetsIn += 1;
    engine->reading.flows[1].bytesIn += 1'500;
    https = engine->reading.flows[1];
    expectTable(2, "TCP moved");
    engine->reading.flows.push_back(
        captured("192.0.2.1", 40000, "198.51.100.53", 53, Protocol::Udp, 0, 0));
    ASSERT_TRUE(source->read());
    EXPECT_EQ(table->reads, 3) << "a flow came";
    engine->reading.flows.pop_back();
    expectTable(4, "a flow went");
    for (unsigned i = 1; i < CapturedFlowSource::kTableRefreshReads; ++i) {
        expectTable(4, "idle");
    }
    expectTable(5, "due");
    table->pushFailure("sock_diag refused");
    engine->reading.flows[1].packetsOut += 1;
    EXPECT_EQ(source->read().value().warnings.size(), 1U);
    EXPECT_EQ(table->reads, 6);
    table->push(
        opened({listener, tcpSocket("192.0.2.1", 50000, "198.51.100.7", 443, 5, 0, 0, 4242)}));
    expectTable(7, "after a failed read, the next tick reads again");
}

TEST_F(CapturedFlowSourceTest, FollowsInterfacesOnlyWhenTheyChange) {
    source->followInterfaces({"eth0", "wlan0"});
    source->followInterfaces({"wlan0", "eth0"});
    EXPECT_EQ(engine->setCalls, 1);
    source->followInterfaces({"eth0"});
    EXPECT_EQ(engine->setCalls, 2);
    EXPECT_EQ(engine->interfaces, std::vector<std::string>{"eth0"});
}

TEST_F(CapturedFlowSourceTest, CaptureFailureIsAnErrorTableFailureOnlyAWarning) {
    engine->reading.flows = {
        captured("192.0.2.1", 50000, "198.51.100.7", 443, Protocol::Tcp, 100, 0)};
    engine->reading.interfaces = {{"eth0", {10, 20, 1, 2, 0}, 3}};
    table->pushFailure("sock_diag refused");
    const auto reading = source->read();
    ASSERT_TRUE(reading);
    EXPECT_EQ(reading->open.size(), 1U);
    ASSERT_EQ(reading->warnings.size(), 1U);
    EXPECT_NE(reading->warnings[0].find("sock_diag refused"), std::string::npos);
    ASSERT_EQ(reading->capture.size(), 1U);
    EXPECT_EQ(reading->capture[0].kernelDrops, 3U);
    engine->failing = true;
    EXPECT_FALSE(source->read());
}

}  // namespace
}  // namespace netmon
