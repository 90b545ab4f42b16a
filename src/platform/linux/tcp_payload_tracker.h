// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "platform/linux/sock_diag_parser.h"

namespace netmon::linux_platform {

class ListenerPorts;  // the listening sockets of one reading (tcp_payload_tracker.cpp)

// Turns tcp_info's sequence-space counters into payload bytes.
//
// What Linux counts (measured on 6.x; see tcp_payload_tracker_test.cpp and the live tests):
// - tcpi_bytes_acked includes the SYN only on the side that opened the connection (connect());
//   an accepted socket starts past its SYN-ACK. It includes our FIN once the peer acked it.
// - tcpi_bytes_received never includes the peer's SYN; it includes the peer's FIN once received.
// - tcpi_bytes_sent − tcpi_bytes_retrans is the payload sent at least once — except that a
//   send the local stack refused (a link down) is counted in bytes_sent and sent again.
// So, with SYN = 1 for the opener and 0 for the acceptor:
//   sent payload     = min(bytes_acked − SYN − 1 if our FIN is acked (FIN_WAIT2),
//                          bytes_sent − bytes_retrans)
//                      (the second term keeps out a FIN acked between the kernel's read of the
//                      state and of the counters: our FIN is acked only after all payload);
//   received payload = bytes_received − 1 once the peer's FIN arrived (CLOSE_WAIT, LAST_ACK,
//                      CLOSING).
// Which side opened is learnt per socket cookie: from SYN_SENT/SYN_RECV, or at any reading
// with nothing in flight and our FIN known unsent (or known acked) from
// bytes_acked − (bytes_sent − bytes_retrans) being 1 or 0. Until then it is guessed from the
// listeners in the same reading (a socket on a listening port was accepted). It only matters
// while payload is in flight: once all is acked the second term above is exact.
//
// A destroyed socket reports CLOSE however it ended. Our FIN is acked if a TIME_WAIT successor
// (same cookie) exists; if it was seen queued, when nothing is left unacked (idiag_wqueue);
// else if bytes_acked says so. The peer's FIN, in this order: present if it was seen in a state
// after that FIN; absent if the successor is still in FIN_WAIT2; present if our FIN was acked
// and no successor exists (the LAST_ACK path); present if our FIN was acked and the receive
// queue is not empty (a FIN nobody read: a graceful close() with unread data would have sent
// a reset); present if the counter grew by exactly one with no data segment since last seen;
// else absent. Left ambiguous by the kernel: the application read the EOF, then closed, and
// data also arrived since the last reading — taken as no FIN (an orphan whose peer's FIN
// reached only its TIME_WAIT successor), so such a close may count one byte more.
class TcpPayloadTracker {
public:
    // Fills bytesSent, bytesReceived and the segment counters of every TCP entry that has
    // tcp_info: `open` from one dump, `closed` from the destroy notifications drained just
    // before it (a closed socket's TIME_WAIT successor keeps its cookie and is in `open`).
    // A closed socket seen open before also gets back its uid (the notification has 0).
    void update(std::vector<SockDiagEntry>& open, std::vector<SockDiagEntry>& closed);

    // Sockets remembered between readings (for tests and benchmarks).
    [[nodiscard]] std::size_t remembered() const { return m_sockets.size(); }

private:
    struct Memory {
        std::optional<std::uint8_t> syn;  // 1: we sent the SYN (connect), 0: accepted; exact
        bool finReceived = false;         // seen in a state after the peer's FIN
        bool finQueued = false;           // seen in a state after our FIN was queued
        std::uint64_t lastReceived = 0;   // tcpi_bytes_received when last seen
        std::uint32_t uid = 0;            // destroy notifications carry 0
        std::optional<std::uint32_t> lastDataSegmentsIn;
        std::uint64_t generation = 0;  // the last reading that saw the socket
    };

    void updateOpen(SockDiagEntry& entry, const ListenerPorts& listeners);
    void updateClosed(SockDiagEntry& entry, const ListenerPorts& listeners,
                      const std::unordered_map<std::uint64_t, std::uint8_t>& successors);

    std::unordered_map<std::uint64_t, Memory> m_sockets;  // by cookie
    std::uint64_t m_generation = 0;
};

}  // namespace netmon::linux_platform
