// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/sock_diag_parser.h"

#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstddef>
#include <cstring>

namespace netmon::linux_platform {
namespace {

// A field of a struct that may be shorter than ours (tcp_info grows with every kernel): read
// when the bytes reach past its end, nullopt otherwise.
template <typename T>
std::optional<T> fieldAt(ByteSpan bytes, std::size_t offset) {
    if (offset > bytes.size() || bytes.size() - offset < sizeof(T)) {
        return std::nullopt;
    }
    return readStruct<T>(bytes.subspan(offset));
}

IpAddress addressFrom(std::uint8_t family, const std::array<std::uint32_t, 4>& words) {
    std::array<std::uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), words.data(), bytes.size());  // network order as stored
    if (family == AF_INET) {
        return IpAddress::v4({bytes[0], bytes[1], bytes[2], bytes[3]});
    }
    return IpAddress::v6(bytes);
}

std::array<std::uint32_t, 4> words(const __be32 (&source)[4]) {
    std::array<std::uint32_t, 4> out{};
    std::memcpy(out.data(), source, sizeof(source));
    return out;
}

bool hasPeer(const FlowKey& key) {
    return key.remotePort != 0 || !key.remoteAddress.isUnspecified();
}

Result<SockDiagEntry> parseOne(const NetlinkMessage& message,
                               std::optional<Protocol> dumpProtocol) {
    auto rest = afterHeader(message.payload, sizeof(inet_diag_msg), "inet_diag_msg");
    if (!rest) {
        return tl::unexpected(rest.error());
    }
    // afterHeader() checked the length: the struct is there.
    const inet_diag_msg header = readStruct<inet_diag_msg>(message.payload).value();
    if (header.idiag_family != AF_INET && header.idiag_family != AF_INET6) {
        return fail("malformed sock_diag message: address family " +
                    std::to_string(header.idiag_family) + " is neither IPv4 nor IPv6");
    }
    AttributeTable attributes(INET_DIAG_PROTOCOL + 1);
    if (auto parsed = parseAttributes(*rest, attributes); !parsed) {
        return tl::unexpected(parsed.error());
    }

    std::optional<Protocol> protocol = dumpProtocol;
    if (const auto& attribute = attributes[INET_DIAG_PROTOCOL]) {
        const auto number = readStruct<std::uint8_t>(*attribute);
        if (!number) {
            return fail("malformed sock_diag message: empty INET_DIAG_PROTOCOL");
        }
        protocol = static_cast<Protocol>(*number);
    }
    if (!protocol || (*protocol != Protocol::Tcp && *protocol != Protocol::Udp)) {
        return fail("sock_diag message for a protocol that is neither TCP nor UDP");
    }

    SockDiagEntry entry;
    entry.rawState = header.idiag_state;
    entry.receiveQueue = header.idiag_rqueue;
    entry.sendQueue = header.idiag_wqueue;
    SocketRecord& record = entry.record;
    const inet_diag_sockid& id = header.id;
    record.key.protocol = *protocol;
    record.key.localAddress = addressFrom(header.idiag_family, words(id.idiag_src));
    record.key.remoteAddress = addressFrom(header.idiag_family, words(id.idiag_dst));
    record.key.localPort = ntohs(id.idiag_sport);
    record.key.remotePort = ntohs(id.idiag_dport);
    record.state = stateName(*protocol, header.idiag_state);
    record.listening = *protocol == Protocol::Tcp
                           ? header.idiag_state == static_cast<std::uint8_t>(TcpState::Listen)
                           : !hasPeer(record.key);
    record.uid = header.idiag_uid;
    record.inode = header.idiag_inode;
    record.cookie = static_cast<std::uint64_t>(id.idiag_cookie[0]) |
                    (static_cast<std::uint64_t>(id.idiag_cookie[1]) << 32U);
    if (*protocol == Protocol::Tcp && attributes[INET_DIAG_INFO]) {
        entry.tcpInfo = parseTcpInfo(*attributes[INET_DIAG_INFO]);
    }
    return entry;
}

}  // namespace

std::string stateName(Protocol protocol, std::uint8_t state) {
    if (protocol == Protocol::Udp) {
        return state == static_cast<std::uint8_t>(TcpState::Established) ? "ESTABLISHED" : "UNCONN";
    }
    static constexpr std::array<const char*, 12> kNames = {
        "",          "ESTABLISHED", "SYN_SENT",   "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE",       "CLOSE_WAIT", "LAST_ACK", "LISTEN",    "CLOSING"};
    if (state == 0 || state >= kNames.size()) {
        return "STATE_" + std::to_string(state);
    }
    return kNames[state];
}

std::optional<TcpInfoCounters> parseTcpInfo(ByteSpan info) {
    const auto state = fieldAt<std::uint8_t>(info, offsetof(tcp_info, tcpi_state));
    const auto unacked = fieldAt<std::uint32_t>(info, offsetof(tcp_info, tcpi_unacked));
    const auto acked = fieldAt<std::uint64_t>(info, offsetof(tcp_info, tcpi_bytes_acked));
    const auto received = fieldAt<std::uint64_t>(info, offsetof(tcp_info, tcpi_bytes_received));
    if (!state || !unacked || !acked || !received) {
        return std::nullopt;
    }
    TcpInfoCounters counters;
    counters.state = *state;
    counters.unacked = *unacked;
    counters.bytesAcked = *acked;
    counters.bytesReceived = *received;
    counters.segmentsOut = fieldAt<std::uint32_t>(info, offsetof(tcp_info, tcpi_segs_out));
    counters.segmentsIn = fieldAt<std::uint32_t>(info, offsetof(tcp_info, tcpi_segs_in));
    counters.dataSegmentsIn = fieldAt<std::uint32_t>(info, offsetof(tcp_info, tcpi_data_segs_in));
    const auto sent = fieldAt<std::uint64_t>(info, offsetof(tcp_info, tcpi_bytes_sent));
    const auto retransmitted = fieldAt<std::uint64_t>(info, offsetof(tcp_info, tcpi_bytes_retrans));
    if (sent && retransmitted) {  // one without the other is of no use
        counters.bytesSent = sent;
        counters.bytesRetransmitted = retransmitted;
    }
    return counters;
}

Result<void> appendSockDiagMessages(ByteSpan bytes, std::optional<Protocol> dumpProtocol,
                                    std::vector<SockDiagEntry>& into) {
    auto messages = splitMessages(bytes);
    if (!messages) {
        return tl::unexpected(messages.error());
    }
    into.reserve(into.size() + messages->size());
    for (const NetlinkMessage& message : *messages) {
        if (message.type != SOCK_DIAG_BY_FAMILY) {
            continue;
        }
        auto entry = parseOne(message, dumpProtocol);
        if (!entry) {
            return tl::unexpected(entry.error());
        }
        into.push_back(std::move(*entry));
    }
    return {};
}

Result<std::vector<SockDiagEntry>> parseSockDiagMessages(ByteSpan bytes,
                                                         std::optional<Protocol> dumpProtocol) {
    std::vector<SockDiagEntry> entries;
    if (auto parsed = appendSockDiagMessages(bytes, dumpProtocol, entries); !parsed) {
        return tl::unexpected(parsed.error());
    }
    return entries;
}

}  // namespace netmon::linux_platform
