// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/flow_key.h"
#include "core/result.h"
#include "core/sources/socket_source.h"
#include "platform/linux/netlink_view.h"

namespace netmon::linux_platform {

// The kernel's TCP states (include/net/tcp_states.h); inet_diag reports UDP sockets with them
// too (ESTABLISHED when connected, CLOSE when not).
enum class TcpState : std::uint8_t {
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Close = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
};

// The sequence-space counters of one TCP socket, as the kernel's tcp_info has them (fields a
// shorter, older tcp_info lacks stay empty). Payload bytes are worked out from these by
// TcpPayloadTracker.
struct TcpInfoCounters {
    std::uint8_t state = 0;           // tcpi_state
    std::uint32_t unacked = 0;        // segments sent and not yet acknowledged (packets_out)
    std::uint64_t bytesAcked = 0;     // sequence space acked by the peer: payload, SYN, FIN
    std::uint64_t bytesReceived = 0;  // sequence space received in order: payload and FIN
    std::optional<std::uint32_t> segmentsOut;
    std::optional<std::uint32_t> segmentsIn;
    std::optional<std::uint32_t> dataSegmentsIn;  // those of segmentsIn that carried payload
    // Payload bytes handed to the network, first sends and retransmissions (Linux 4.19+).
    std::optional<std::uint64_t> bytesSent;
    std::optional<std::uint64_t> bytesRetransmitted;
};

// One socket of a SOCK_DIAG_BY_FAMILY reply or destroy notification. `record` has everything
// but the byte and segment counters, which come from `tcpInfo`.
struct SockDiagEntry {
    SocketRecord record;
    std::uint8_t rawState = 0;       // idiag_state
    std::uint32_t receiveQueue = 0;  // idiag_rqueue; TCP: received, not yet read (a FIN counts)
    std::uint32_t sendQueue = 0;     // idiag_wqueue; TCP: queued, not yet acked (a FIN counts)
    std::optional<TcpInfoCounters> tcpInfo;  // TCP sockets that carry INET_DIAG_INFO
};

// "ESTABLISHED", "SYN_SENT", …; for UDP "UNCONN" (not connected) or "ESTABLISHED".
std::string stateName(Protocol protocol, std::uint8_t state);

// Parses SOCK_DIAG_BY_FAMILY messages (inet_diag_msg + attributes) back to back. The protocol
// comes from the INET_DIAG_PROTOCOL attribute when present (destroy notifications carry it),
// else `dumpProtocol` (a dump is asked for one protocol). Messages of other types are skipped;
// a truncated or malformed message, an unknown address family or a missing protocol is an
// Error, and no byte past `bytes` is read. A tcp_info shorter than this build's is fine: each
// field is read only when the attribute is long enough to hold it.
Result<std::vector<SockDiagEntry>> parseSockDiagMessages(ByteSpan bytes,
                                                         std::optional<Protocol> dumpProtocol);
// The same, appended to `into` (several dumps into one table without moving it); on Error,
// `into` may hold the entries parsed before the malformed one.
Result<void> appendSockDiagMessages(ByteSpan bytes, std::optional<Protocol> dumpProtocol,
                                    std::vector<SockDiagEntry>& into);

// The tcp_info fields this program uses, from an INET_DIAG_INFO payload of any length;
// nullopt when it is too short to hold even tcpi_bytes_received (Linux before 4.1).
std::optional<TcpInfoCounters> parseTcpInfo(ByteSpan info);

}  // namespace netmon::linux_platform
