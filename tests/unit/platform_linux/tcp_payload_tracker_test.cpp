// SPDX-License-Identifier: GPL-3.0-or-later
// Payload bytes from tcp_info sequence counters of open sockets (tcp_payload_entries.h has
// the measured numbers they are built from).
#include "platform/linux/tcp_payload_tracker.h"

#include <gtest/gtest.h>

#include "unit/platform_linux/tcp_payload_entries.h"

namespace netmon::linux_platform {
namespace {

using namespace test_tcp;

TEST(TcpPayloadTracker, EstablishedBothSidesAsMeasured) {
    TcpPayloadTracker tracker;
    const auto out =
        read(tracker, {listener(), tcp(1, false, {.acked = kB1 + 1, .received = kB2, .sent = kB1}),
                       tcp(2, true, {.acked = kB2, .received = kB1, .sent = kB2})});
    EXPECT_EQ(payload(out[1]), (Payload{kB1, kB2}));
    EXPECT_EQ(payload(out[2]), (Payload{kB2, kB1}));
    EXPECT_EQ(out[1].record.segmentsOut, 7U);
    EXPECT_EQ(out[1].record.segmentsIn, 5U);
    EXPECT_EQ(payload(out[0]), (Payload{})) << "a listener moves no payload";
}

TEST(TcpPayloadTracker, FinStatesAsMeasured) {
    TcpPayloadTracker tracker;
    using S = TcpState;
    // Client shut down its side: its FIN acked (FIN_WAIT2), the server has it (CLOSE_WAIT).
    auto out = read(tracker, {tcp(1, false, {S::FinWait2, kB1 + 2, kB2, kB1}),
                              tcp(2, true, {S::CloseWait, kB2, kB1 + 1, kB2})});
    EXPECT_EQ(payload(out[0]), (Payload{kB1, kB2}));
    EXPECT_EQ(payload(out[1]), (Payload{kB2, kB1}));
    // Server's FIN sent, not yet acked (LAST_ACK); FIN_WAIT1 with its FIN in flight; CLOSING.
    out = read(tracker, {tcp(2, true, {S::LastAck, kB2, kB1 + 1, kB2, 0, 1}),
                         tcp(3, false, {S::FinWait1, kB1 + 1, kB2, kB1, 0, 1}),
                         tcp(4, false, {S::Closing, kB1 + 1, kB2 + 1, kB1, 0, 1})});
    EXPECT_EQ(payload(out[0]), (Payload{kB2, kB1}));
    EXPECT_EQ(payload(out[1]), (Payload{kB1, kB2}));
    EXPECT_EQ(payload(out[2]), (Payload{kB1, kB2}));
}

TEST(TcpPayloadTracker, FinAckedBetweenTheStateAndTheCountersIsNotPayload) {
    TcpPayloadTracker tracker;
    read(tracker, {tcp(1, false, {.acked = kB1 + 1, .sent = kB1})});  // proves it opened
    // The kernel read FIN_WAIT1, then the ACK of our FIN came before it read the counters.
    const auto out = read(tracker, {tcp(1, false, {TcpState::FinWait1, kB1 + 2, 0, kB1})});
    EXPECT_EQ(out[0].record.bytesSent, kB1);
}

TEST(TcpPayloadTracker, SendsTheLocalStackRefusedAreNotPayload) {
    // A link was down: 1,448 bytes handed to it were refused, counted in bytes_sent and sent
    // again; then everything and our FIN were acked (measured across a veth pair).
    TcpPayloadTracker tracker;
    read(tracker, {tcp(1, false, {.acked = 10'001, .sent = 10'000})});
    const auto out = read(tracker, {tcp(1, false, {TcpState::FinWait2, 15'002, 0, 16'448})});
    EXPECT_EQ(out[0].record.bytesSent, 15'000U);
}

TEST(TcpPayloadTracker, DataInFlightIsNotCountedYet) {
    TcpPayloadTracker tracker;
    // The client has sent 1,000,000 but 400,000 are unacked: 600,000 are counted.
    const auto out = read(
        tracker, {tcp(1, false, {.acked = 600'001, .sent = 1'000'000, .unacked = 9}),
                  tcp(2, false, {.acked = 1'000'001, .sent = 1'050'000, .retransmitted = 50'000})});
    EXPECT_EQ(out[0].record.bytesSent, 600'000U);
    EXPECT_EQ(out[1].record.bytesSent, 1'000'000U) << "retransmissions are not payload";
}

TEST(TcpPayloadTracker, WhoOpenedIsGuessedFromListenersUntilProven) {
    TcpPayloadTracker tracker;
    // Busy sockets prove nothing: on a listener's port it is taken as accepted, else as opened.
    auto out = read(tracker, {listener(), tcp(1, true, {.acked = 500, .sent = 900, .unacked = 2}),
                              tcp(2, false, {.acked = 501, .sent = 900, .unacked = 2})});
    EXPECT_EQ(out[1].record.bytesSent, 500U);
    EXPECT_EQ(out[2].record.bytesSent, 500U);
    // The listener closed after accepting: the accepted socket is guessed wrong, one short...
    out = read(tracker, {tcp(1, true, {.acked = 700, .sent = 900, .unacked = 1})});
    EXPECT_EQ(out[0].record.bytesSent, 699U);
    // ...until a quiet moment proves it was accepted (bytes_acked == payload sent).
    out = read(tracker, {tcp(1, true, {.acked = 900, .sent = 900})});
    EXPECT_EQ(out[0].record.bytesSent, 900U);
    out = read(tracker, {tcp(1, true, {.acked = 1'000, .sent = 2'000, .unacked = 5})});
    EXPECT_EQ(out[0].record.bytesSent, 1'000U) << "the proof is kept";
}

TEST(TcpPayloadTracker, HandshakeStatesProveWhoOpened) {
    TcpPayloadTracker tracker;
    // A client bound to a listening port (rare, but possible): SYN_SENT proves it opened.
    auto out = read(tracker, {listener(), tcp(1, true, {.state = TcpState::SynSent})});
    EXPECT_EQ(out[1].record.bytesSent, 0U) << "the unacked SYN is not minus one";
    out = read(tracker, {listener(), tcp(1, true, {.acked = 101, .sent = 300, .unacked = 1})});
    EXPECT_EQ(out[1].record.bytesSent, 100U);
}

TEST(TcpPayloadTracker, InconsistentQuietReadingProvesNothing) {
    TcpPayloadTracker tracker;
    // A send the local qdisc dropped is counted twice in bytes_sent: no proof from that.
    auto out = read(tracker, {listener(), tcp(1, true, {.acked = 1'000, .sent = 1'200})});
    EXPECT_EQ(out[1].record.bytesSent, 1'000U);
    out = read(tracker, {tcp(1, true, {.acked = 1'000, .sent = 1'200})});
    EXPECT_EQ(out[0].record.bytesSent, 999U) << "still a guess: no listener now";
}

TEST(TcpPayloadTracker, KernelsBeforeBytesSent) {
    TcpPayloadTracker tracker;
    const auto out = read(tracker, {listener(),
                                    tcp(1, false,
                                        {.state = TcpState::FinWait2,
                                         .acked = kB1 + 2,
                                         .received = kB2,
                                         .hasBytesSent = false}),
                                    tcp(2, true,
                                        {.state = TcpState::LastAck,
                                         .acked = kB2,
                                         .received = kB1 + 1,
                                         .hasBytesSent = false})});
    EXPECT_EQ(payload(out[1]), (Payload{kB1, kB2}));
    EXPECT_EQ(payload(out[2]), (Payload{kB2, kB1}));
}

TEST(TcpPayloadTrackerMemory, ForgetsSocketsGoneForTwoReadings) {
    TcpPayloadTracker tracker;
    read(tracker, {listener(), tcp(1, false, {.acked = 1}), tcp(2, true, {})});
    EXPECT_EQ(tracker.remembered(), 2U) << "listeners are not remembered";
    read(tracker, {tcp(2, true, {})});
    EXPECT_EQ(tracker.remembered(), 2U) << "kept one reading for a late destroy notification";
    read(tracker, {tcp(2, true, {})});
    EXPECT_EQ(tracker.remembered(), 1U);
    read(tracker, {});
    read(tracker, {});
    EXPECT_EQ(tracker.remembered(), 0U);
}

}  // namespace
}  // namespace netmon::linux_platform
