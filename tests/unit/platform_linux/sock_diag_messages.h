// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <sys/socket.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <vector>

#include "platform/linux/sock_diag_parser.h"
#include "unit/platform_linux/netlink_message_builder.h"

// SOCK_DIAG_BY_FAMILY messages built byte by byte, as the kernel lays them out.
namespace netmon::linux_platform::test_diag {

using Bytes16 = std::array<std::uint8_t, 16>;

constexpr std::uint8_t state(TcpState value) {
    return static_cast<std::uint8_t>(value);
}

struct End {
    Bytes16 address{};
    std::uint16_t port = 0;
};

inline End v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d, std::uint16_t port) {
    return End{Bytes16{a, b, c, d}, port};
}

inline End v6(const char* text, std::uint16_t port) {
    End end{{}, port};
    EXPECT_EQ(::inet_pton(AF_INET6, text, end.address.data()), 1) << text;
    return end;
}

inline inet_diag_msg diagMessage(std::uint8_t family, std::uint8_t state, const End& local,
                                 const End& remote) {
    inet_diag_msg message{};
    message.idiag_family = family;
    message.idiag_state = state;
    message.id.idiag_sport = htons(local.port);  // big-endian on the wire
    message.id.idiag_dport = htons(remote.port);
    std::memcpy(message.id.idiag_src, local.address.data(), sizeof(message.id.idiag_src));
    std::memcpy(message.id.idiag_dst, remote.address.data(), sizeof(message.id.idiag_dst));
    message.id.idiag_cookie[0] = 0x89ABCDEFU;
    message.id.idiag_cookie[1] = 0x01234567U;
    message.idiag_uid = 1000;
    message.idiag_inode = 424242;
    message.idiag_rqueue = 1;
    return message;
}

inline tcp_info fullTcpInfo() {
    tcp_info info{};
    info.tcpi_state = state(TcpState::Established);
    info.tcpi_unacked = 3;
    info.tcpi_bytes_acked = 1'234'568;
    info.tcpi_bytes_received = 89'012;
    info.tcpi_segs_out = 28;
    info.tcpi_segs_in = 11;
    info.tcpi_data_segs_in = 2;
    info.tcpi_bytes_sent = 1'300'000;
    info.tcpi_bytes_retrans = 65'433;
    return info;
}

// One TCP message carrying the first `infoLength` bytes of `info`.
inline std::vector<std::byte> tcpMessage(const inet_diag_msg& header, const tcp_info& info,
                                         std::size_t infoLength) {
    NetlinkMessageBuilder builder;
    builder.begin(SOCK_DIAG_BY_FAMILY, header)
        .attribute(INET_DIAG_INFO, &info, infoLength)
        .finish();
    return builder.bytes();
}

}  // namespace netmon::linux_platform::test_diag
