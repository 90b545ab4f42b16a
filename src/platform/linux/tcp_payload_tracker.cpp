// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/tcp_payload_tracker.h"

#include <algorithm>
#include <unordered_map>

namespace netmon::linux_platform {

// Local ends of the TCP listeners in one reading. A socket on a listener's port (same address,
// or the listener's is the wildcard) was most likely accepted by it.
class ListenerPorts {
public:
    explicit ListenerPorts(const std::vector<SockDiagEntry>& open) {
        for (const SockDiagEntry& entry : open) {
            const SocketRecord& record = entry.record;
            if (record.key.protocol == Protocol::Tcp && record.listening) {
                m_ports.emplace(record.key.localPort, record.key.localAddress.unmapped());
            }
        }
    }
    [[nodiscard]] bool accepts(const FlowKey& key) const {
        const auto [first, last] = m_ports.equal_range(key.localPort);
        const IpAddress local = key.localAddress.unmapped();
        return std::any_of(first, last, [&local](const auto& listener) {
            return listener.second.isUnspecified() || listener.second == local;
        });
    }

private:
    std::unordered_multimap<std::uint16_t, IpAddress> m_ports;
};

namespace {

using State = TcpState;

bool is(std::uint8_t state, State wanted) {
    return state == static_cast<std::uint8_t>(wanted);
}

// States in which the peer's FIN has arrived (and is counted in tcpi_bytes_received).
bool finReceivedIn(std::uint8_t state) {
    return is(state, State::CloseWait) || is(state, State::LastAck) || is(state, State::Closing) ||
           is(state, State::TimeWait);
}

std::uint64_t lessOrZero(std::uint64_t value, std::uint64_t minus) {
    return value > minus ? value - minus : 0;
}

// Payload sent at least once; nullopt on kernels before 4.19 (no tcpi_bytes_sent).
std::optional<std::uint64_t> firstSent(const TcpInfoCounters& info) {
    if (!info.bytesSent || !info.bytesRetransmitted) {
        return std::nullopt;
    }
    return lessOrZero(*info.bytesSent, *info.bytesRetransmitted);
}

// bytes_acked − first-sent payload: SYN + acked FIN − payload still unacked.
std::optional<std::int64_t> ackedBeyondPayload(const TcpInfoCounters& info) {
    const auto sent = firstSent(info);
    if (!sent) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(info.bytesAcked - *sent);
}

// Whether this side sent the SYN, when one reading proves it.
std::optional<std::uint8_t> provenSyn(const TcpInfoCounters& info) {
    if (is(info.state, State::SynSent)) {
        return 1;
    }
    if (is(info.state, State::SynRecv)) {
        return 0;
    }
    const auto beyond = ackedBeyondPayload(info);
    if (!beyond || info.unacked != 0) {
        return std::nullopt;  // something in flight: bytes_acked lags what was sent
    }
    // Our FIN: not yet queued in ESTABLISHED and CLOSE_WAIT, acked in FIN_WAIT2; unknown else.
    std::int64_t finAcked = 0;
    if (is(info.state, State::FinWait2)) {
        finAcked = 1;
    } else if (!is(info.state, State::Established) && !is(info.state, State::CloseWait)) {
        return std::nullopt;
    }
    const std::int64_t syn = *beyond - finAcked;
    if (syn != 0 && syn != 1) {
        return std::nullopt;  // inconsistent (e.g. a lost local send counted twice): no proof
    }
    return static_cast<std::uint8_t>(syn);
}

// Acked sequence space less the SYN and our FIN where known acked; no more than the payload
// ever sent, which keeps a FIN acked unnoticed (the state is read just before the counters)
// out. bytes_sent alone is not enough: a send the local stack dropped is counted in it twice.
std::uint64_t sentPayload(const TcpInfoCounters& info, std::uint8_t syn, bool finAcked) {
    const std::uint64_t acked = lessOrZero(info.bytesAcked, syn + (finAcked ? 1U : 0U));
    const auto sent = firstSent(info);
    return sent ? std::min(acked, *sent) : acked;
}

// States in which our FIN is queued or sent.
bool finQueuedIn(std::uint8_t state) {
    return is(state, State::FinWait1) || is(state, State::FinWait2) || is(state, State::Closing) ||
           is(state, State::LastAck);
}

void setCounters(SocketRecord& record, const TcpInfoCounters& info, std::uint64_t sent,
                 bool finReceived) {
    record.bytesSent = sent;
    record.bytesReceived = lessOrZero(info.bytesReceived, finReceived ? 1 : 0);
    record.segmentsOut = info.segmentsOut;
    record.segmentsIn = info.segmentsIn;
}

std::uint8_t guessedSyn(const SocketRecord& record, const ListenerPorts& listeners) {
    return listeners.accepts(record.key) ? 0 : 1;
}

}  // namespace

void TcpPayloadTracker::updateOpen(SockDiagEntry& entry, const ListenerPorts& listeners) {
    const TcpInfoCounters& info = *entry.tcpInfo;
    Memory scratch;
    Memory& memory = entry.record.cookie != 0 ? m_sockets[entry.record.cookie] : scratch;
    memory.generation = m_generation;
    if (!memory.syn) {
        memory.syn = provenSyn(info);
    }
    memory.finReceived = memory.finReceived || finReceivedIn(info.state);
    memory.finQueued = memory.finQueued || finQueuedIn(info.state);
    memory.lastReceived = info.bytesReceived;
    memory.lastDataSegmentsIn = info.dataSegmentsIn;
    memory.uid = entry.record.uid;
    const std::uint8_t syn = memory.syn ? *memory.syn : guessedSyn(entry.record, listeners);
    const bool finAcked = is(info.state, State::FinWait2);
    setCounters(entry.record, info, sentPayload(info, syn, finAcked), finReceivedIn(info.state));
}

void TcpPayloadTracker::updateClosed(
    SockDiagEntry& entry, const ListenerPorts& listeners,
    const std::unordered_map<std::uint64_t, std::uint8_t>& successors) {
    const TcpInfoCounters& info = *entry.tcpInfo;
    Memory memory;  // a socket never seen open counts from zero
    memory.lastDataSegmentsIn = 0;
    if (const auto known = m_sockets.find(entry.record.cookie);
        entry.record.cookie != 0 && known != m_sockets.end()) {
        memory = known->second;
        m_sockets.erase(known);
        entry.record.uid = memory.uid;
    }
    std::uint8_t syn = memory.syn ? *memory.syn : guessedSyn(entry.record, listeners);
    const auto beyond = ackedBeyondPayload(info);  // SYN + acked FIN − unacked payload
    if (!memory.syn && beyond && *beyond == 2) {
        syn = 1;  // both the SYN and our FIN: only the opener can have two
    }
    const auto successor = successors.find(entry.record.cookie);
    // Our FIN: acked if a TIME_WAIT successor exists; if it was seen queued, acked when nothing
    // is left unacked (idiag_wqueue = write_seq − snd_una, the FIN included); else worked out.
    bool finAcked = false;
    if (successor != successors.end()) {
        finAcked = true;
    } else if (memory.finQueued) {
        finAcked = entry.sendQueue == 0;
    } else {
        finAcked = beyond && *beyond - syn >= 1;
    }
    const std::uint64_t arrived = lessOrZero(info.bytesReceived, memory.lastReceived);
    const bool noDataSince = info.dataSegmentsIn && memory.lastDataSegmentsIn &&
                             *info.dataSegmentsIn == *memory.lastDataSegmentsIn;
    bool finReceived = false;
    if (memory.finReceived) {
        finReceived = true;
    } else if (successor != successors.end() && is(successor->second, State::FinWait2)) {
        finReceived = false;  // closed before the peer's FIN: an orphan in FIN_WAIT2
    } else if (successor == successors.end() && finAcked) {
        finReceived = true;  // our FIN acked and no TIME_WAIT after it: the LAST_ACK path
    } else if (finAcked && entry.receiveQueue > 0) {
        // Closed gracefully with something unread: a FIN that came after close() (with the
        // ACK of ours) or before it; unread data would have made close() send a reset.
        finReceived = true;
    } else {
        finReceived = arrived == 1 && noDataSince;  // the one new sequence number is the FIN
    }
    setCounters(entry.record, info, sentPayload(info, syn, finAcked), finReceived);
}

void TcpPayloadTracker::update(std::vector<SockDiagEntry>& open,
                               std::vector<SockDiagEntry>& closed) {
    ++m_generation;
    const ListenerPorts listeners(open);
    std::unordered_map<std::uint64_t, std::uint8_t> successors;  // TIME_WAIT sockets by cookie
    for (SockDiagEntry& entry : open) {
        if (entry.record.key.protocol != Protocol::Tcp || entry.record.listening) {
            continue;  // a listener moves no payload: its tcp_info has no byte counters
        }
        if (entry.tcpInfo) {
            updateOpen(entry, listeners);
        } else if (entry.record.cookie != 0 && !closed.empty()) {
            successors.emplace(entry.record.cookie, entry.rawState);
        }
    }
    for (SockDiagEntry& entry : closed) {
        if (entry.record.key.protocol == Protocol::Tcp && entry.tcpInfo) {
            updateClosed(entry, listeners, successors);
        }
    }
    // A socket gone from the dump may still be announced destroyed in the next reading.
    std::erase_if(m_sockets,
                  [this](const auto& item) { return item.second.generation + 1 < m_generation; });
}

}  // namespace netmon::linux_platform
