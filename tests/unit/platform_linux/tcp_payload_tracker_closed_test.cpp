// SPDX-License-Identifier: GPL-3.0-or-later
// Payload bytes of destroyed sockets, which report CLOSE however they ended: the FINs are
// worked out from their TIME_WAIT successor, their queues and what was seen of them before.
#include <gtest/gtest.h>

#include "platform/linux/tcp_payload_tracker.h"
#include "unit/platform_linux/tcp_payload_entries.h"

namespace netmon::linux_platform {
namespace {

using namespace test_tcp;

// Destroyed sockets always say CLOSE; the FINs are worked out.
class TcpPayloadTrackerClosed : public testing::Test {
protected:
    // Both ends as a monitor saw them after the transfer.
    void seenAfterTransfer() {
        read(m_tracker,
             {listener(),
              tcp(1, false, {.acked = kB1 + 1, .received = kB2, .sent = kB1, .dataSegmentsIn = 3}),
              tcp(2, true, {.acked = kB2, .received = kB1, .sent = kB2, .dataSegmentsIn = 20})});
    }
    Payload closed(SockDiagEntry entry, std::vector<SockDiagEntry> open = {}) {
        entry.rawState = static_cast<std::uint8_t>(TcpState::Close);
        entry.tcpInfo->state = entry.rawState;
        std::vector<SockDiagEntry> gone{std::move(entry)};
        open.push_back(listener());
        read(m_tracker, std::move(open), &gone);
        return payload(gone.front());
    }
    TcpPayloadTracker m_tracker;
};

TEST_F(TcpPayloadTrackerClosed, UidComesBackFromWhenItWasOpen) {
    SockDiagEntry open = tcp(7, false, {.acked = 1, .sent = 0});
    open.record.uid = 1000;
    read(m_tracker, {open});
    std::vector<SockDiagEntry> gone{tcp(7, false, {.acked = 1})};  // uid 0, as the kernel sends
    read(m_tracker, {}, &gone);
    EXPECT_EQ(gone.front().record.uid, 1000U);
}

TEST_F(TcpPayloadTrackerClosed, TimeWaitSuccessorAfterBothFins) {
    seenAfterTransfer();
    EXPECT_EQ(closed(tcp(1, false,
                         {.acked = kB1 + 2, .received = kB2 + 1, .sent = kB1, .dataSegmentsIn = 3}),
                     {successor(1, TcpState::TimeWait)}),
              (Payload{kB1, kB2}));
}

TEST_F(TcpPayloadTrackerClosed, OrphanInFinWait2HadNoFinFromThePeer) {
    // Never seen open: a short connection. Its successor is still in FIN_WAIT2.
    EXPECT_EQ(
        closed(tcp(1, false, {.acked = kB1 + 2, .received = kB2, .sent = kB1, .dataSegmentsIn = 3}),
               {successor(1, TcpState::FinWait2)}),
        (Payload{kB1, kB2}));
}

TEST_F(TcpPayloadTrackerClosed, OrphanWhoseSuccessorGotThePeersFinLater) {
    // Ambiguous to the kernel; taken as an orphan's close, the usual ending.
    EXPECT_EQ(
        closed(tcp(1, false, {.acked = kB1 + 2, .received = kB2, .sent = kB1, .dataSegmentsIn = 3}),
               {successor(1, TcpState::TimeWait)}),
        (Payload{kB1, kB2}));
}

TEST_F(TcpPayloadTrackerClosed, OrphanGotThePeersFinWithTheAckOfItsOwn) {
    // close() first; the peer's FIN came with the ACK of ours, so the orphan took it itself and
    // never read it: it is in its receive queue.
    SockDiagEntry entry =
        tcp(1, false, {.acked = kB1 + 2, .received = kB2 + 1, .sent = kB1, .dataSegmentsIn = 3});
    entry.receiveQueue = 1;
    EXPECT_EQ(closed(entry, {successor(1, TcpState::TimeWait)}), (Payload{kB1, kB2}));
}

TEST_F(TcpPayloadTrackerClosed, LastAckPathHasThePeersFin) {
    // The server closed after the client's FIN: our FIN acked and no TIME_WAIT after it.
    EXPECT_EQ(
        closed(tcp(2, true,
                   {.acked = kB2 + 1, .received = kB1 + 1, .sent = kB2, .dataSegmentsIn = 20})),
        (Payload{kB2, kB1}));
    // The same from the client's side when the server closed first: SYN and FIN make two.
    EXPECT_EQ(
        closed(tcp(3, false,
                   {.acked = kB1 + 2, .received = kB2 + 1, .sent = kB1, .dataSegmentsIn = 3})),
        (Payload{kB1, kB2}));
}

TEST_F(TcpPayloadTrackerClosed, RefusedSendsWithASuccessorOrAFinSeenQueued) {
    seenAfterTransfer();
    // bytes_sent counts 1,448 bytes twice; the successor says our FIN was acked.
    EXPECT_EQ(
        closed(tcp(1, false,
                   {.acked = kB1 + 2, .received = kB2, .sent = kB1 + 1'448, .dataSegmentsIn = 3}),
               {successor(1, TcpState::FinWait2)}),
        (Payload{kB1, kB2}));
    // Seen in LAST_ACK; destroyed with nothing left unacked: our FIN was acked.
    read(m_tracker, {tcp(2, true, {TcpState::LastAck, kB2, kB1 + 1, kB2 + 1'448, 0, 1, 20})});
    SockDiagEntry gone =
        tcp(2, true,
            {.acked = kB2 + 1, .received = kB1 + 1, .sent = kB2 + 1'448, .dataSegmentsIn = 20});
    gone.sendQueue = 0;
    EXPECT_EQ(closed(gone), (Payload{kB2, kB1}));
}

TEST_F(TcpPayloadTrackerClosed, SeenAfterThePeersFin) {
    read(m_tracker, {tcp(2, true, {TcpState::CloseWait, kB2, kB1 + 1, kB2, 0, 0, 20})});
    // Reset while closing (our FIN never acked).
    EXPECT_EQ(closed(tcp(2, true,
                         {.acked = kB2, .received = kB1 + 1, .sent = kB2, .dataSegmentsIn = 20})),
              (Payload{kB2, kB1}));
}

TEST_F(TcpPayloadTrackerClosed, OnlyTheFinArrivedSinceLastSeen) {
    seenAfterTransfer();
    // Both shut down, then closed: the client's successor is TIME_WAIT; one more sequence
    // number and no data segment since the last reading: that is the FIN.
    EXPECT_EQ(closed(tcp(1, false,
                         {.acked = kB1 + 2, .received = kB2 + 1, .sent = kB1, .dataSegmentsIn = 3}),
                     {successor(1, TcpState::TimeWait)}),
              (Payload{kB1, kB2}));
    EXPECT_EQ(m_tracker.remembered(), 1U) << "the client's memory is consumed";
}

TEST_F(TcpPayloadTrackerClosed, ResetAfterEverythingWasAcked) {
    seenAfterTransfer();
    EXPECT_EQ(closed(tcp(1, false,
                         {.acked = kB1 + 1, .received = kB2, .sent = kB1, .dataSegmentsIn = 3})),
              (Payload{kB1, kB2}));
    // Reset with payload unacked: only the acked part counts.
    EXPECT_EQ(
        closed(tcp(2, true, {.acked = 500, .received = kB1, .sent = kB2, .dataSegmentsIn = 20})),
        (Payload{500, kB1}));
}

}  // namespace
}  // namespace netmon::linux_platform
