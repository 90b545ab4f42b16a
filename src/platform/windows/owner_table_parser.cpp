// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/owner_table_parser.h"

#include <array>
#include <cstring>
#include <string>

namespace netmon::windows_platform {
namespace {

constexpr std::string_view kTcpStates[] = {
    "UNKNOWN",      // 0: not a MIB_TCP_STATE
    "CLOSE",        // MIB_TCP_STATE_CLOSED
    "LISTEN",       // MIB_TCP_STATE_LISTEN
    "SYN_SENT",     // MIB_TCP_STATE_SYN_SENT
    "SYN_RECV",     // MIB_TCP_STATE_SYN_RCVD
    "ESTABLISHED",  // MIB_TCP_STATE_ESTAB
    "FIN_WAIT1",    // MIB_TCP_STATE_FIN_WAIT1
    "FIN_WAIT2",    // MIB_TCP_STATE_FIN_WAIT2
    "CLOSE_WAIT",   // MIB_TCP_STATE_CLOSE_WAIT
    "CLOSING",      // MIB_TCP_STATE_CLOSING
    "LAST_ACK",     // MIB_TCP_STATE_LAST_ACK
    "TIME_WAIT",    // MIB_TCP_STATE_TIME_WAIT
    "CLOSE",        // MIB_TCP_STATE_DELETE_TCB: being deleted
};

IpAddress v4(DWORD networkOrder) {
    return IpAddress::v4FromNetworkOrder(networkOrder);
}

IpAddress v6(const UCHAR (&bytes)[16]) {
    std::array<std::uint8_t, 16> copy{};
    std::memcpy(copy.data(), bytes, 16);
    return IpAddress::v6(copy);
}

IpAddress unspecifiedLike(const IpAddress& address) {
    return address.isV6() ? IpAddress::v6({}) : IpAddress::v4({});
}

// Rows follow the DWORD count at the table's row offset; each is copied out (the buffer need
// not be aligned for the row type).
template <typename Row, typename Convert>
Result<std::vector<SocketRecord>> parseTable(std::span<const std::byte> table, const char* what,
                                             std::size_t rowsOffset, Convert convert) {
    DWORD count = 0;
    if (table.size() < sizeof count) {
        return fail(std::string("the ") + what + " table is empty (" +
                    std::to_string(table.size()) + " bytes)");
    }
    std::memcpy(&count, table.data(), sizeof count);
    const std::size_t available = table.size() < rowsOffset ? 0 : table.size() - rowsOffset;
    if (count > available / sizeof(Row)) {
        return fail(std::string("the ") + what + " table says " + std::to_string(count) +
                    " rows but holds " + std::to_string(available / sizeof(Row)));
    }
    std::vector<SocketRecord> records;
    records.reserve(count);
    for (DWORD i = 0; i < count; ++i) {
        Row row{};
        std::memcpy(&row, table.data() + rowsOffset + i * sizeof(Row), sizeof(Row));
        records.push_back(convert(row));
    }
    return records;
}

void finishTcp(SocketRecord& record, DWORD state, DWORD pid) {
    record.key.protocol = Protocol::Tcp;
    record.state = std::string(tcpStateName(state));
    record.listening = state == MIB_TCP_STATE_LISTEN;
    if (record.listening) {
        record.key.remoteAddress = unspecifiedLike(record.key.localAddress);
        record.key.remotePort = 0;
    }
    record.inode = pid;
}

void finishUdp(SocketRecord& record, DWORD pid) {
    record.key.protocol = Protocol::Udp;
    record.key.remoteAddress = unspecifiedLike(record.key.localAddress);
    record.key.remotePort = 0;
    record.state = "UNCONN";  // the UDP tables list bound sockets, never a peer
    record.listening = true;
    record.inode = pid;
}

}  // namespace

std::uint16_t portFromTableField(DWORD field) {
    const auto low = static_cast<std::uint16_t>(field & 0xFFFFU);
    std::array<std::uint8_t, 2> bytes{};
    std::memcpy(bytes.data(), &low, 2);  // the two bytes as they sit in memory: big-endian
    return static_cast<std::uint16_t>((bytes[0] << 8U) | bytes[1]);
}

DWORD tableFieldFromPort(std::uint16_t port) {
    const std::array<std::uint8_t, 2> bytes{static_cast<std::uint8_t>(port >> 8U),
                                            static_cast<std::uint8_t>(port & 0xFFU)};
    std::uint16_t low = 0;
    std::memcpy(&low, bytes.data(), 2);
    return low;
}

std::string_view tcpStateName(DWORD state) {
    return state < std::size(kTcpStates) ? kTcpStates[state] : kTcpStates[0];
}

Result<std::vector<SocketRecord>> parseTcp4OwnerTable(std::span<const std::byte> table) {
    return parseTable<MIB_TCPROW_OWNER_PID>(
        table, "TCP IPv4", offsetof(MIB_TCPTABLE_OWNER_PID, table),
        [](const MIB_TCPROW_OWNER_PID& row) {
            SocketRecord record;
            record.key.localAddress = v4(row.dwLocalAddr);
            record.key.localPort = portFromTableField(row.dwLocalPort);
            record.key.remoteAddress = v4(row.dwRemoteAddr);
            record.key.remotePort = portFromTableField(row.dwRemotePort);
            finishTcp(record, row.dwState, row.dwOwningPid);
            return record;
        });
}

Result<std::vector<SocketRecord>> parseTcp6OwnerTable(std::span<const std::byte> table) {
    return parseTable<MIB_TCP6ROW_OWNER_PID>(
        table, "TCP IPv6", offsetof(MIB_TCP6TABLE_OWNER_PID, table),
        [](const MIB_TCP6ROW_OWNER_PID& row) {
            SocketRecord record;
            record.key.localAddress = v6(row.ucLocalAddr);
            record.key.localPort = portFromTableField(row.dwLocalPort);
            record.key.remoteAddress = v6(row.ucRemoteAddr);
            record.key.remotePort = portFromTableField(row.dwRemotePort);
            finishTcp(record, row.dwState, row.dwOwningPid);
            return record;
        });
}

Result<std::vector<SocketRecord>> parseUdp4OwnerTable(std::span<const std::byte> table) {
    return parseTable<MIB_UDPROW_OWNER_PID>(
        table, "UDP IPv4", offsetof(MIB_UDPTABLE_OWNER_PID, table),
        [](const MIB_UDPROW_OWNER_PID& row) {
            SocketRecord record;
            record.key.localAddress = v4(row.dwLocalAddr);
            record.key.localPort = portFromTableField(row.dwLocalPort);
            finishUdp(record, row.dwOwningPid);
            return record;
        });
}

Result<std::vector<SocketRecord>> parseUdp6OwnerTable(std::span<const std::byte> table) {
    return parseTable<MIB_UDP6ROW_OWNER_PID>(
        table, "UDP IPv6", offsetof(MIB_UDP6TABLE_OWNER_PID, table),
        [](const MIB_UDP6ROW_OWNER_PID& row) {
            SocketRecord record;
            record.key.localAddress = v6(row.ucLocalAddr);
            record.key.localPort = portFromTableField(row.dwLocalPort);
            finishUdp(record, row.dwOwningPid);
            return record;
        });
}

}  // namespace netmon::windows_platform
