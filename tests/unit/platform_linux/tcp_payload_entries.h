// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "platform/linux/tcp_payload_tracker.h"

// Hand-made sock_diag entries for TcpPayloadTracker tests. The numbers are those Linux 6.x
// reported for a loopback connection where the client sent 1,234,567 bytes and the server
// 89,012 (the live tests check the same end to end): the client's bytes_acked is 1,234,568
// (its SYN), the server's 89,012 (an accepted socket starts past its SYN-ACK); each FIN adds
// one once acked or received.
namespace netmon::linux_platform::test_tcp {

constexpr std::uint64_t kB1 = 1'234'567;  // client → server
constexpr std::uint64_t kB2 = 89'012;     // server → client
constexpr std::uint16_t kServerPort = 8080;
constexpr std::uint16_t kClientPort = 51000;

struct Info {
    TcpState state = TcpState::Established;
    std::uint64_t acked = 0;
    std::uint64_t received = 0;
    std::uint64_t sent = 0;  // tcpi_bytes_sent (first sends and retransmissions)
    std::uint64_t retransmitted = 0;
    std::uint32_t unacked = 0;
    std::uint32_t dataSegmentsIn = 0;
    bool hasBytesSent = true;  // Linux 4.19+
};

inline SockDiagEntry tcp(std::uint64_t cookie, bool server, const Info& info) {
    SockDiagEntry entry;
    entry.record.key.protocol = Protocol::Tcp;
    const std::uint8_t serverHost = 1;
    const std::uint8_t clientHost = 2;
    entry.record.key.localAddress = IpAddress::v4({10, 0, 0, server ? serverHost : clientHost});
    entry.record.key.remoteAddress = IpAddress::v4({10, 0, 0, server ? clientHost : serverHost});
    entry.record.key.localPort = server ? kServerPort : kClientPort;
    entry.record.key.remotePort = server ? kClientPort : kServerPort;
    entry.record.cookie = cookie;
    entry.rawState = static_cast<std::uint8_t>(info.state);
    TcpInfoCounters counters;
    counters.state = static_cast<std::uint8_t>(info.state);
    counters.unacked = info.unacked;
    counters.bytesAcked = info.acked;
    counters.bytesReceived = info.received;
    counters.segmentsOut = 7;
    counters.segmentsIn = 5;
    counters.dataSegmentsIn = info.dataSegmentsIn;
    if (info.hasBytesSent) {
        counters.bytesSent = info.sent;
        counters.bytesRetransmitted = info.retransmitted;
    }
    entry.tcpInfo = counters;
    return entry;
}

inline SockDiagEntry listener(std::uint16_t port = kServerPort) {
    SockDiagEntry entry;
    entry.record.key.protocol = Protocol::Tcp;
    entry.record.key.localAddress = IpAddress::v4({0, 0, 0, 0});
    entry.record.key.localPort = port;
    entry.record.listening = true;
    entry.record.cookie = 99;
    entry.rawState = static_cast<std::uint8_t>(TcpState::Listen);
    entry.tcpInfo = TcpInfoCounters{};
    entry.tcpInfo->state = entry.rawState;
    return entry;
}

// A TIME_WAIT successor: same cookie, no tcp_info, the time-wait substate as state.
inline SockDiagEntry successor(std::uint64_t cookie, TcpState substate) {
    SockDiagEntry entry = tcp(cookie, false, {});
    entry.tcpInfo.reset();
    entry.rawState = static_cast<std::uint8_t>(substate);
    return entry;
}

struct Payload {
    std::optional<std::uint64_t> sent;
    std::optional<std::uint64_t> received;
    friend bool operator==(const Payload&, const Payload&) = default;
};
inline std::ostream& operator<<(std::ostream& out, const Payload& p) {
    return out << "sent " << (p.sent ? std::to_string(*p.sent) : "none") << ", received "
               << (p.received ? std::to_string(*p.received) : "none");
}

inline Payload payload(const SockDiagEntry& entry) {
    return {entry.record.bytesSent, entry.record.bytesReceived};
}

// One reading of `open` (and `closed`); returns them with their counters filled.
inline std::vector<SockDiagEntry> read(TcpPayloadTracker& tracker, std::vector<SockDiagEntry> open,
                                       std::vector<SockDiagEntry>* closed = nullptr) {
    std::vector<SockDiagEntry> none;
    tracker.update(open, closed != nullptr ? *closed : none);
    return open;
}

}  // namespace netmon::linux_platform::test_tcp
