// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/sock_diag_parser.h"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>

#include "unit/platform_linux/sock_diag_messages.h"

namespace netmon::linux_platform {
namespace {

using namespace test_diag;

TEST(SockDiagParser, Ipv4TcpWithFullTcpInfo) {
    const auto header = diagMessage(AF_INET, state(TcpState::Established), v4(192, 0, 2, 10, 51000),
                                    v4(198, 51, 100, 7, 443));
    const auto bytes = tcpMessage(header, fullTcpInfo(), sizeof(tcp_info));
    const auto entries = parseSockDiagMessages(bytes, Protocol::Tcp);
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 1U);
    const SockDiagEntry& entry = entries->front();
    const SocketRecord& record = entry.record;
    EXPECT_EQ(record.key.protocol, Protocol::Tcp);
    EXPECT_EQ(record.key.localAddress, IpAddress::v4({192, 0, 2, 10}));
    EXPECT_EQ(record.key.localPort, 51000);
    EXPECT_EQ(record.key.remoteAddress, IpAddress::v4({198, 51, 100, 7}));
    EXPECT_EQ(record.key.remotePort, 443);
    EXPECT_EQ(record.state, "ESTABLISHED");
    EXPECT_FALSE(record.listening);
    EXPECT_EQ(record.uid, 1000U);
    EXPECT_EQ(record.inode, 424242U);
    EXPECT_EQ(record.cookie, 0x0123456789ABCDEFULL);
    EXPECT_EQ(entry.receiveQueue, 1U);
    EXPECT_FALSE(record.bytesSent) << "payload is the tracker's job, not the parser's";
    ASSERT_TRUE(entry.tcpInfo);
    EXPECT_EQ(entry.tcpInfo->state, state(TcpState::Established));
    EXPECT_EQ(entry.tcpInfo->unacked, 3U);
    EXPECT_EQ(entry.tcpInfo->bytesAcked, 1'234'568U);
    EXPECT_EQ(entry.tcpInfo->bytesReceived, 89'012U);
    EXPECT_EQ(entry.tcpInfo->segmentsOut, 28U);
    EXPECT_EQ(entry.tcpInfo->segmentsIn, 11U);
    EXPECT_EQ(entry.tcpInfo->dataSegmentsIn, 2U);
    EXPECT_EQ(entry.tcpInfo->bytesSent, 1'300'000U);
    EXPECT_EQ(entry.tcpInfo->bytesRetransmitted, 65'433U);
}

TEST(SockDiagParser, Ipv6AndV4MappedStayIpv6) {
    NetlinkMessageBuilder builder;
    builder
        .begin(SOCK_DIAG_BY_FAMILY,
               diagMessage(AF_INET6, state(TcpState::Listen), v6("::", 22), v6("::", 0)))
        .finish();
    builder
        .begin(SOCK_DIAG_BY_FAMILY,
               diagMessage(AF_INET6, state(TcpState::Established), v6("::ffff:10.0.0.1", 8080),
                           v6("::ffff:10.0.0.2", 40000)))
        .finish();
    builder
        .begin(SOCK_DIAG_BY_FAMILY, diagMessage(AF_INET6, state(TcpState::SynSent),
                                                v6("2001:db8::1", 50000), v6("2001:db8::2", 80)))
        .finish();
    const auto entries = parseSockDiagMessages(builder.view(), Protocol::Tcp);
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 3U);
    const SocketRecord& listener = (*entries)[0].record;
    EXPECT_TRUE(listener.key.localAddress.isV6());
    EXPECT_TRUE(listener.key.localAddress.isUnspecified());
    EXPECT_EQ(listener.state, "LISTEN");
    EXPECT_TRUE(listener.listening);
    const SocketRecord& mapped = (*entries)[1].record;
    EXPECT_EQ(mapped.key.localAddress, *IpAddress::parse("::ffff:10.0.0.1"));
    EXPECT_TRUE(mapped.key.remoteAddress.isV4Mapped());
    EXPECT_EQ(mapped.key.remoteAddress.toString(), "::ffff:10.0.0.2");
    const SocketRecord& v6Record = (*entries)[2].record;
    EXPECT_EQ(v6Record.key.remoteAddress, *IpAddress::parse("2001:db8::2"));
    EXPECT_EQ(v6Record.key.remotePort, 80);
    EXPECT_EQ(v6Record.state, "SYN_SENT");
    EXPECT_FALSE((*entries)[2].tcpInfo) << "no INET_DIAG_INFO attribute";
}

TEST(SockDiagParser, EveryTcpStateHasItsName) {
    const std::array<const char*, 12> names = {"STATE_0",    "ESTABLISHED", "SYN_SENT",  "SYN_RECV",
                                               "FIN_WAIT1",  "FIN_WAIT2",   "TIME_WAIT", "CLOSE",
                                               "CLOSE_WAIT", "LAST_ACK",    "LISTEN",    "CLOSING"};
    NetlinkMessageBuilder builder;
    for (std::uint8_t state = 1; state < names.size(); ++state) {
        builder
            .begin(SOCK_DIAG_BY_FAMILY,
                   diagMessage(AF_INET, state, v4(10, 0, 0, 1, 1000), v4(10, 0, 0, 2, 2000)))
            .finish();
    }
    const auto entries = parseSockDiagMessages(builder.view(), Protocol::Tcp);
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), names.size() - 1);
    for (std::size_t i = 0; i < entries->size(); ++i) {
        EXPECT_EQ((*entries)[i].record.state, names[i + 1]);
        EXPECT_EQ((*entries)[i].record.listening, i + 1 == state(TcpState::Listen));
    }
    EXPECT_EQ(stateName(Protocol::Tcp, 13), "STATE_13");  // TCP_BOUND_INACTIVE, newer kernels
}

TEST(SockDiagParser, UdpUnconnectedAndConnected) {
    NetlinkMessageBuilder builder;
    builder
        .begin(SOCK_DIAG_BY_FAMILY,
               diagMessage(AF_INET, state(TcpState::Close), v4(0, 0, 0, 0, 53), {}))
        .finish();
    builder
        .begin(SOCK_DIAG_BY_FAMILY, diagMessage(AF_INET, state(TcpState::Established),
                                                v4(10, 0, 0, 1, 40000), v4(10, 0, 0, 9, 53)))
        .finish();
    const auto entries = parseSockDiagMessages(builder.view(), Protocol::Udp);
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 2U);
    EXPECT_EQ((*entries)[0].record.key.protocol, Protocol::Udp);
    EXPECT_EQ((*entries)[0].record.state, "UNCONN");
    EXPECT_TRUE((*entries)[0].record.listening);
    EXPECT_EQ((*entries)[1].record.state, "ESTABLISHED");
    EXPECT_FALSE((*entries)[1].record.listening);
    EXPECT_EQ((*entries)[1].record.key.remotePort, 53);
}

// Older kernels send shorter tcp_info structs: each field is read only when it is there.
TEST(SockDiagParser, TcpInfoOfEveryLength) {
    const auto header =
        diagMessage(AF_INET, state(TcpState::Established), v4(10, 0, 0, 1, 1), v4(10, 0, 0, 2, 2));
    const tcp_info info = fullTcpInfo();
    const auto parse = [&](std::size_t length) -> std::optional<TcpInfoCounters> {
        const auto entries = parseSockDiagMessages(tcpMessage(header, info, length), Protocol::Tcp);
        EXPECT_TRUE(entries) << length << ": " << entries.error().message;
        return entries && !entries->empty() ? entries->front().tcpInfo : std::nullopt;
    };
    EXPECT_FALSE(parse(0));
    EXPECT_FALSE(parse(104));  // Linux 3.x: nothing after tcpi_total_retrans
    EXPECT_FALSE(parse(offsetof(tcp_info, tcpi_bytes_received) + 7));
    const auto received = parse(offsetof(tcp_info, tcpi_bytes_received) + 8);  // Linux 4.1
    ASSERT_TRUE(received);
    EXPECT_EQ(received->bytesReceived, 89'012U);
    EXPECT_FALSE(received->segmentsOut);
    const auto segments = parse(offsetof(tcp_info, tcpi_notsent_bytes));  // Linux 4.2
    ASSERT_TRUE(segments);
    EXPECT_EQ(segments->segmentsIn, 11U);
    EXPECT_FALSE(segments->dataSegmentsIn);
    EXPECT_FALSE(segments->bytesSent);
    const auto noRetrans = parse(offsetof(tcp_info, tcpi_bytes_retrans) + 7);
    ASSERT_TRUE(noRetrans);
    EXPECT_FALSE(noRetrans->bytesSent) << "bytes_sent is useless without bytes_retrans";
    const auto withSent = parse(offsetof(tcp_info, tcpi_bytes_retrans) + 8);  // Linux 4.19
    ASSERT_TRUE(withSent);
    EXPECT_EQ(withSent->bytesSent, 1'300'000U);
    EXPECT_EQ(withSent->bytesRetransmitted, 65'433U);
    // A newer kernel's longer struct: the extra bytes are ignored.
    std::vector<std::byte> longer(sizeof(tcp_info) + 64);
    std::memcpy(longer.data(), &info, sizeof(info));
    NetlinkMessageBuilder builder;
    builder.begin(SOCK_DIAG_BY_FAMILY, header)
        .attribute(INET_DIAG_INFO, longer.data(), longer.size())
        .finish();
    const auto entries = parseSockDiagMessages(builder.view(), Protocol::Tcp);
    ASSERT_TRUE(entries && entries->front().tcpInfo);
    EXPECT_EQ(entries->front().tcpInfo->bytesAcked, 1'234'568U);
}

TEST(SockDiagParser, ProtocolAttributeOfDestroyNotifications) {
    NetlinkMessageBuilder builder;
    const std::uint8_t udp = IPPROTO_UDP;
    builder
        .begin(SOCK_DIAG_BY_FAMILY,
               diagMessage(AF_INET, state(TcpState::Close), v4(10, 0, 0, 1, 5), {}))
        .attribute(INET_DIAG_PROTOCOL, udp)
        .finish();
    const auto entries = parseSockDiagMessages(builder.view(), std::nullopt);
    ASSERT_TRUE(entries) << entries.error().message;
    EXPECT_EQ(entries->front().record.key.protocol, Protocol::Udp);

    NetlinkMessageBuilder none;
    none.begin(SOCK_DIAG_BY_FAMILY,
               diagMessage(AF_INET, state(TcpState::Close), v4(10, 0, 0, 1, 5), {}))
        .finish();
    EXPECT_FALSE(parseSockDiagMessages(none.view(), std::nullopt)) << "protocol unknown";
}

TEST(SockDiagParser, OtherMessageTypesAreSkipped) {
    NetlinkMessageBuilder builder;
    builder.begin(NLMSG_NOOP, std::uint32_t{0}).finish();
    builder
        .begin(SOCK_DIAG_BY_FAMILY,
               diagMessage(AF_INET, state(TcpState::Listen), v4(0, 0, 0, 0, 80), {}))
        .finish();
    const auto entries = parseSockDiagMessages(builder.view(), Protocol::Tcp);
    ASSERT_TRUE(entries) << entries.error().message;
    EXPECT_EQ(entries->size(), 1U);
}

}  // namespace
}  // namespace netmon::linux_platform
