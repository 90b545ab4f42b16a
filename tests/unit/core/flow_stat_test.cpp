// SPDX-License-Identifier: GPL-3.0-or-later
// What counts as an active connection is decided in core, once, for the state names every
// platform reports: Linux's sock_diag states and Windows' MIB_TCP_STATE as its owner-table
// parser names them. Truth: the TCP state machine (RFC 9293) — a connection is in use from the
// first SYN until it is closed; TIME-WAIT and CLOSED come after its end, and a listener is none.
#include "core/model/flow_stat.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

FlowStat socketIn(Protocol protocol, const char* state, bool listening = false) {
    FlowStat flow;
    flow.key.protocol = protocol;
    flow.state = state;
    flow.listening = listening;
    return flow;
}

TEST(ActiveConnection, EveryStateOfAConnectionInUseIsActive) {
    for (const char* state : {"SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2",
                              "CLOSE_WAIT", "CLOSING", "LAST_ACK"}) {
        EXPECT_TRUE(isActive(socketIn(Protocol::Tcp, state))) << state;
    }
    EXPECT_TRUE(isActive(socketIn(Protocol::Udp, "ESTABLISHED"))) << "a connected UDP socket";
}

TEST(ActiveConnection, SocketsKeptAfterTheConnectionEndedAreNot) {
    // TIME_WAIT: the end that closed first, kept by the OS for a while without an owner. CLOSE:
    // Linux's TCP_CLOSE, and Windows' CLOSED and DELETE_TCB (a connection being deleted).
    EXPECT_FALSE(isActive(socketIn(Protocol::Tcp, "TIME_WAIT")));
    EXPECT_FALSE(isActive(socketIn(Protocol::Tcp, "CLOSE")));
}

TEST(ActiveConnection, ListenersAndUnconnectedUdpSocketsAreNot) {
    EXPECT_FALSE(isActive(socketIn(Protocol::Tcp, "LISTEN", true)));
    EXPECT_FALSE(isActive(socketIn(Protocol::Udp, "UNCONN", true)));
}

}  // namespace
}  // namespace netmon
