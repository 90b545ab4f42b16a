// SPDX-License-Identifier: GPL-3.0-or-later
// Payload and FINs in flight: across a veth pair between two namespaces, one end's link is set
// down so what the other sends stays unacknowledged (then retransmitted). Unacked payload must
// not count yet, the SYN never, a FIN never, and retransmissions only once. Needs root and
// iproute2 (the namespaces are the integration tests' TestNetwork); skips otherwise.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "core/sources/socket_source.h"
#include "fakes/loopback_sockets.h"
#include "integration/child_process.h"
#include "integration/namespace_socket.h"
#include "integration/test_network.h"
#include "platform/source_factories.h"
#include "support/network_namespace.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::cookieOf;

// A socket source whose netlink sockets belong to namespace `ns` (made on a thread inside it).
std::unique_ptr<SocketSource> sourceIn(const std::string& ns) {
    return test::inNetworkNamespace(ns, [] { return makeSocketSource(); });
}

struct Expected {
    std::string state;
    std::uint64_t sent = 0;
    std::uint64_t received = 0;
};

// Reads until the socket with `cookie` is as expected, or 8 s pass (retransmissions back off).
void expectSocket(SocketSource& source, std::uint64_t cookie, const Expected& expected,
                  const char* what) {
    std::string last = "missing";
    for (int attempt = 0; attempt < 160; ++attempt) {
        auto reading = source.read();
        ASSERT_TRUE(reading) << reading.error().describe();
        for (const SocketRecord& record : reading->open) {
            if (record.cookie != cookie) {
                continue;
            }
            if (record.state == expected.state && record.bytesSent == expected.sent &&
                record.bytesReceived == expected.received) {
                return;
            }
            last = record.state + " sent " + std::to_string(record.bytesSent.value_or(0)) +
                   " received " + std::to_string(record.bytesReceived.value_or(0));
        }
        std::this_thread::sleep_for(50ms);
    }
    ADD_FAILURE() << what << ": want " << expected.state << " sent " << expected.sent
                  << " received " << expected.received << ", got " << last;
}

void setLink(const std::string& ns, const std::string& link, const char* state) {
    const auto done = test::runCommand({"ip", "-n", ns, "link", "set", link, state});
    ASSERT_EQ(done.status, 0) << done.err;
}

TEST(SocketInFlight, UnackedPayloadSynAndFinsNeverCount) {
    if (const auto reason = test::TestNetwork::unavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    const test::TestNetwork network;
    test::NamespaceSocket listener(network.nsA, SOCK_STREAM);
    test::bindTo(listener, network.addressA, 0);
    ASSERT_EQ(::listen(listener.fd(), 4), 0);
    test::NamespaceSocket client(network.nsB, SOCK_STREAM);
    test::connectTo(client, network.addressA, test::localPort(listener));
    test::NamespaceSocket server(::accept4(listener.fd(), nullptr, nullptr, SOCK_CLOEXEC));
    ASSERT_GE(server.fd(), 0);
    const std::uint64_t clientCookie = cookieOf(client.fd());
    const std::uint64_t serverCookie = cookieOf(server.fd());
    const auto inA = sourceIn(network.nsA);  // the server's side
    const auto inB = sourceIn(network.nsB);  // the client's side
    ASSERT_TRUE(inA && inB);

    test::sendAll(client.fd(), 10'000);
    ASSERT_EQ(test::receive(server.fd(), 10'000), 10'000U);
    test::sendAll(server.fd(), 20'000);
    ASSERT_EQ(test::receive(client.fd(), 20'000), 20'000U);
    expectSocket(*inB, clientCookie, {"ESTABLISHED", 10'000, 20'000}, "client");
    expectSocket(*inA, serverCookie, {"ESTABLISHED", 20'000, 10'000}, "server");

    // The server's end goes down: the client's next 5,000 bytes and its FIN stay in flight.
    setLink(network.nsA, network.ifA, "down");
    test::sendAll(client.fd(), 5'000);
    ASSERT_EQ(::shutdown(client.fd(), SHUT_WR), 0);
    expectSocket(*inB, clientCookie, {"FIN_WAIT1", 10'000, 20'000}, "client, all in flight");

    // Back up: retransmitted and acked, counted once.
    setLink(network.nsA, network.ifA, "up");
    ASSERT_EQ(test::receive(server.fd(), 0, true), 5'000U);
    expectSocket(*inB, clientCookie, {"FIN_WAIT2", 15'000, 20'000}, "client, acked");
    expectSocket(*inA, serverCookie, {"CLOSE_WAIT", 20'000, 15'000}, "server, FIN received");

    // The client's end goes down: the server's last 3,000 bytes and its FIN stay in flight.
    setLink(network.nsB, network.ifB, "down");
    test::sendAll(server.fd(), 3'000);
    ASSERT_EQ(::shutdown(server.fd(), SHUT_WR), 0);
    expectSocket(*inA, serverCookie, {"LAST_ACK", 20'000, 15'000}, "server, all in flight");

    setLink(network.nsB, network.ifB, "up");
    ASSERT_EQ(test::receive(client.fd(), 0, true), 3'000U);
    // The server's socket leaves the table once its FIN is acked; its final bytes come with
    // its destroy notification when it is closed (where the source has them).
    server.close();
    if (inA->reportsClosedSockets()) {
        bool found = false;
        for (int attempt = 0; attempt < 100 && !found; ++attempt) {
            auto reading = inA->read();
            ASSERT_TRUE(reading) << reading.error().describe();
            for (const SocketRecord& record : reading->closed) {
                if (record.cookie == serverCookie) {
                    found = true;
                    EXPECT_EQ(record.bytesSent, 23'000U);
                    EXPECT_EQ(record.bytesReceived, 15'000U);
                }
            }
            std::this_thread::sleep_for(50ms);
        }
        EXPECT_TRUE(found) << "no destroy notification for the server's socket";
    }
}

}  // namespace
}  // namespace netmon
