// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/owner_table_parser.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace netmon::windows_platform {
namespace {

// Owner tables byte by byte, as GetExtendedTcpTable/GetExtendedUdpTable lay them out in memory
// on x64: a little-endian DWORD row count, then the rows. Addresses are in network order;
// each port field is a DWORD whose first two bytes are the port, big-endian, and whose last two
// are whatever was in memory (Windows documents them as undefined).
class TableBytes {
public:
    explicit TableBytes(std::uint32_t rows) { dword(rows); }
    TableBytes& dword(std::uint32_t value) {
        for (int i = 0; i < 4; ++i) {
            m_bytes.push_back(static_cast<std::byte>((value >> (8 * i)) & 0xFFU));
        }
        return *this;
    }
    TableBytes& raw(std::initializer_list<int> bytes) {
        for (const int b : bytes) {
            m_bytes.push_back(static_cast<std::byte>(b));
        }
        return *this;
    }
    TableBytes& port(std::uint16_t value, int garbageHigh = 0xCD, int garbageLow = 0xAB) {
        return raw({value >> 8, value & 0xFF, garbageLow, garbageHigh});
    }
    TableBytes& v6(std::initializer_list<int> sixteen) { return raw(sixteen); }
    [[nodiscard]] std::span<const std::byte> span() const { return m_bytes; }
    std::vector<std::byte>& bytes() { return m_bytes; }

private:
    std::vector<std::byte> m_bytes;
};

constexpr std::uint32_t kListen = 2;
constexpr std::uint32_t kEstablished = 5;
constexpr std::uint32_t kTimeWait = 11;
constexpr std::uint32_t kDeleteTcb = 12;

TEST(OwnerTableParser, Tcp4RowsWithPortsInNetworkOrderAndGarbageAbove) {
    TableBytes table(3);
    // ESTABLISHED 192.0.2.10:51000 → 93.184.216.34:443, PID 4312
    table.dword(kEstablished)
        .raw({192, 0, 2, 10})
        .port(51000)
        .raw({93, 184, 216, 34})
        .port(443)
        .dword(4312);
    // LISTEN 0.0.0.0:445, PID 4 (System); its remote field holds leftovers
    table.dword(kListen)
        .raw({0, 0, 0, 0})
        .port(445)
        .raw({10, 1, 2, 3})
        .port(7, 0x12, 0x34)
        .dword(4);
    // TIME_WAIT rows have no owner: PID 0
    table.dword(kTimeWait).raw({127, 0, 0, 1}).port(8080).raw({127, 0, 0, 1}).port(60000).dword(0);

    const auto records = parseTcp4OwnerTable(table.span());
    ASSERT_TRUE(records) << records.error().message;
    ASSERT_EQ(records->size(), 3U);

    const SocketRecord& established = (*records)[0];
    EXPECT_EQ(established.key.protocol, Protocol::Tcp);
    EXPECT_EQ(established.key.localAddress.toString(), "192.0.2.10");
    EXPECT_EQ(established.key.localPort, 51000);
    EXPECT_EQ(established.key.remoteAddress.toString(), "93.184.216.34");
    EXPECT_EQ(established.key.remotePort, 443);
    EXPECT_EQ(established.state, "ESTABLISHED");
    EXPECT_FALSE(established.listening);
    EXPECT_EQ(established.inode, 4312U);              // the PID, for the process source
    EXPECT_FALSE(established.bytesSent.has_value());  // basic mode: none without EStats

    const SocketRecord& listener = (*records)[1];
    EXPECT_EQ(listener.state, "LISTEN");
    EXPECT_TRUE(listener.listening);
    EXPECT_EQ(listener.key.localPort, 445);
    EXPECT_EQ(listener.key.remoteAddress.toString(), "0.0.0.0");  // leftovers ignored
    EXPECT_EQ(listener.key.remotePort, 0);
    EXPECT_EQ(listener.inode, 4U);

    const SocketRecord& timeWait = (*records)[2];
    EXPECT_EQ(timeWait.state, "TIME_WAIT");
    EXPECT_EQ(timeWait.inode, 0U);  // no owner
}

TEST(OwnerTableParser, Tcp6RowsKeepV4MappedPeers) {
    TableBytes table(2);
    // A dual-stack socket's IPv4 peer: ::ffff:198.51.100.7
    table.v6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 10})
        .dword(0)
        .port(50123)
        .v6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 198, 51, 100, 7})
        .dword(0)
        .port(22)
        .dword(kEstablished)
        .dword(777);
    // [2001:db8::1]:443 ← [2001:db8::2]:40000, scope ids set, state DELETE_TCB
    table.v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
        .dword(3)
        .port(443)
        .v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2})
        .dword(3)
        .port(40000)
        .dword(kDeleteTcb)
        .dword(778);

    const auto records = parseTcp6OwnerTable(table.span());
    ASSERT_TRUE(records) << records.error().message;
    ASSERT_EQ(records->size(), 2U);
    const SocketRecord& mapped = (*records)[0];
    EXPECT_TRUE(mapped.key.remoteAddress.isV4Mapped());
    EXPECT_EQ(mapped.key.remoteAddress.unmapped().toString(), "198.51.100.7");
    EXPECT_EQ(mapped.key.localPort, 50123);
    EXPECT_EQ(mapped.key.remotePort, 22);
    EXPECT_EQ(mapped.inode, 777U);
    const SocketRecord& deleting = (*records)[1];
    EXPECT_EQ(deleting.key.localAddress.toString(), "2001:db8::1");
    EXPECT_EQ(deleting.key.remoteAddress.toString(), "2001:db8::2");
    EXPECT_EQ(deleting.state, "CLOSE");
}

TEST(OwnerTableParser, UdpRowsAreUnconnectedListeners) {
    TableBytes v4(2);
    v4.raw({0, 0, 0, 0}).port(5353).dword(2216);  // mDNS in a svchost
    v4.raw({127, 0, 0, 1}).port(1900).dword(0);   // zero PID: no owner
    const auto records = parseUdp4OwnerTable(v4.span());
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 2U);
    EXPECT_EQ((*records)[0].key.protocol, Protocol::Udp);
    EXPECT_EQ((*records)[0].key.localPort, 5353);
    EXPECT_EQ((*records)[0].state, "UNCONN");
    EXPECT_TRUE((*records)[0].listening);
    EXPECT_EQ((*records)[0].key.remoteAddress.toString(), "0.0.0.0");
    EXPECT_EQ((*records)[0].inode, 2216U);
    EXPECT_EQ((*records)[1].inode, 0U);

    TableBytes v6(1);
    v6.v6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).dword(0).port(53).dword(9);
    const auto records6 = parseUdp6OwnerTable(v6.span());
    ASSERT_TRUE(records6);
    ASSERT_EQ(records6->size(), 1U);
    EXPECT_EQ((*records6)[0].key.localAddress.toString(), "::1");
    EXPECT_EQ((*records6)[0].key.remoteAddress.toString(), "::");
    EXPECT_EQ((*records6)[0].key.localPort, 53);
}

TEST(OwnerTableParser, ShortTablesAreErrorsNotGarbage) {
    TableBytes table(2);  // says two rows, holds one and a half
    table.dword(kEstablished).raw({1, 2, 3, 4}).port(1).raw({5, 6, 7, 8}).port(2).dword(3);
    table.dword(kEstablished).raw({1, 2, 3, 4});
    const auto records = parseTcp4OwnerTable(table.span());
    ASSERT_FALSE(records);
    EXPECT_NE(records.error().message.find("2 rows but holds 1"), std::string::npos)
        << records.error().message;

    EXPECT_FALSE(parseUdp6OwnerTable(std::span<const std::byte>()));
    TableBytes empty(0);
    const auto none = parseTcp6OwnerTable(empty.span());
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    // A huge row count must not overflow the size check.
    TableBytes lying(0xFFFFFFFFU);
    EXPECT_FALSE(parseTcp4OwnerTable(lying.span()));
}

TEST(OwnerTableParser, UnknownStatesAndPortFieldRoundTrip) {
    EXPECT_EQ(tcpStateName(99), "UNKNOWN");
    EXPECT_EQ(tcpStateName(0), "UNKNOWN");
    EXPECT_EQ(tcpStateName(3), "SYN_SENT");
    EXPECT_EQ(tcpStateName(4), "SYN_RECV");
    EXPECT_EQ(tcpStateName(10), "LAST_ACK");
    for (const std::uint16_t port : {0, 1, 80, 443, 0x1234, 0xFFFF}) {
        EXPECT_EQ(portFromTableField(tableFieldFromPort(port)), port);
    }
    EXPECT_EQ(portFromTableField(0xDEAD'BB01U), 443);  // low bytes 01 BB in memory
}

}  // namespace
}  // namespace netmon::windows_platform
