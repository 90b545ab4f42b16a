// SPDX-License-Identifier: GPL-3.0-or-later
// The socket table as makeSocketSource() reads it, against connections this test makes on
// loopback and moves an exact number of bytes over, through every close stage.
#include <gtest/gtest.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <thread>

#include "core/sources/socket_source.h"
#include "fakes/loopback_sockets.h"
#include "platform/linux/netlink_socket.h"
#include "platform/linux/sock_diag_parser.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::cookieOf;
using test::inodeOf;
using test::localPort;

constexpr std::uint64_t kToServer = 1'234'567;
constexpr std::uint64_t kToClient = 89'012;

const SocketRecord* findCookie(const std::vector<SocketRecord>& records, std::uint64_t cookie) {
    for (const SocketRecord& record : records) {
        if (record.cookie == cookie) {
            return &record;
        }
    }
    return nullptr;
}

// Reads until `done` likes the reading (acks take a moment to arrive) or 5 s pass.
SocketReading readUntil(SocketSource& source,
                        const std::function<bool(const SocketReading&)>& done) {
    SocketReading reading;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto result = source.read();
        EXPECT_TRUE(result) << result.error().describe();
        if (!result) {
            return reading;
        }
        reading = std::move(*result);
        if (done(reading)) {
            break;
        }
        std::this_thread::sleep_for(50ms);
    }
    return reading;
}

struct Expected {
    std::string state;
    std::optional<std::uint64_t> sent;
    std::optional<std::uint64_t> received;
};

bool matches(const SocketRecord* record, const Expected& expected) {
    return record != nullptr && record->state == expected.state &&
           record->bytesSent == expected.sent && record->bytesReceived == expected.received;
}

std::string describe(const SocketRecord* record) {
    if (record == nullptr) {
        return "missing";
    }
    const auto text = [](const std::optional<std::uint64_t>& value) {
        return value ? std::to_string(*value) : std::string("none");
    };
    return record->key.toString() + " " + record->state + " sent " + text(record->bytesSent) +
           " received " + text(record->bytesReceived);
}

// Both ends of a connection, expected as they should read, read until they do.
void expectPair(SocketSource& source, std::uint64_t clientCookie, const Expected& client,
                std::uint64_t serverCookie, const Expected& server) {
    const SocketReading reading = readUntil(source, [&](const SocketReading& r) {
        return matches(findCookie(r.open, clientCookie), client) &&
               matches(findCookie(r.open, serverCookie), server);
    });
    const SocketRecord* clientRecord = findCookie(reading.open, clientCookie);
    const SocketRecord* serverRecord = findCookie(reading.open, serverCookie);
    EXPECT_TRUE(matches(clientRecord, client))
        << "client: " << describe(clientRecord) << "; want " << client.state;
    EXPECT_TRUE(matches(serverRecord, server))
        << "server: " << describe(serverRecord) << "; want " << server.state;
}

TEST(SocketSourceLive, TcpPayloadIsExactOnBothSidesThroughEveryCloseStage) {
    const auto listener = test::listeningSocket("127.0.0.1");
    auto pair = test::connectedPair(listener.get(), "127.0.0.1", "127.0.0.1");
    const std::uint64_t clientCookie = cookieOf(pair.client.get());
    const std::uint64_t serverCookie = cookieOf(pair.server.get());
    auto source = makeSocketSource();
    EXPECT_NE(source->mechanism().find("sock_diag"), std::string_view::npos);

    test::sendAll(pair.client.get(), kToServer);
    ASSERT_EQ(test::receive(pair.server.get(), kToServer), kToServer);
    test::sendAll(pair.server.get(), kToClient);
    ASSERT_EQ(test::receive(pair.client.get(), kToClient), kToClient);
    expectPair(*source, clientCookie, {"ESTABLISHED", kToServer, kToClient}, serverCookie,
               {"ESTABLISHED", kToClient, kToServer});

    // The identity fields, once, on the established pair and the listener.
    const SocketReading reading = readUntil(*source, [](const SocketReading&) { return true; });
    const SocketRecord* client = findCookie(reading.open, clientCookie);
    const SocketRecord* server = findCookie(reading.open, serverCookie);
    const SocketRecord* listening = findCookie(reading.open, cookieOf(listener.get()));
    ASSERT_TRUE(client && server && listening);
    EXPECT_EQ(client->key.protocol, Protocol::Tcp);
    EXPECT_EQ(client->key.localAddress, IpAddress::v4({127, 0, 0, 1}));
    EXPECT_EQ(client->key.localPort, localPort(pair.client.get()));
    EXPECT_EQ(client->key.remotePort, localPort(listener.get()));
    EXPECT_EQ(server->key.localPort, localPort(listener.get()));
    EXPECT_EQ(server->key.remotePort, localPort(pair.client.get()));
    EXPECT_EQ(client->inode, inodeOf(pair.client.get()));
    EXPECT_EQ(server->inode, inodeOf(pair.server.get()));
    EXPECT_EQ(client->uid, ::geteuid());
    EXPECT_FALSE(client->listening);
    EXPECT_GE(client->segmentsOut.value_or(0), 2U);  // at least the SYN and one data segment
    EXPECT_GE(server->segmentsIn.value_or(0), 1U);
    EXPECT_EQ(listening->state, "LISTEN");
    EXPECT_TRUE(listening->listening);
    EXPECT_FALSE(listening->bytesSent.has_value());

    // Client half-closes: its FIN is acked (FIN_WAIT2), the server has it (CLOSE_WAIT).
    ASSERT_EQ(::shutdown(pair.client.get(), SHUT_WR), 0);
    ASSERT_EQ(test::receive(pair.server.get(), 0, true), 0U);
    expectPair(*source, clientCookie, {"FIN_WAIT2", kToServer, kToClient}, serverCookie,
               {"CLOSE_WAIT", kToClient, kToServer});

    // The server goes on sending into the half-closed connection.
    constexpr std::uint64_t kMore = 4'321;
    test::sendAll(pair.server.get(), kMore);
    ASSERT_EQ(test::receive(pair.client.get(), kMore), kMore);
    expectPair(*source, clientCookie, {"FIN_WAIT2", kToServer, kToClient + kMore}, serverCookie,
               {"CLOSE_WAIT", kToClient + kMore, kToServer});

    // Server closes its side: it is gone from the table once acked, the client is TIME_WAIT,
    // which carries no counters.
    ASSERT_EQ(::shutdown(pair.server.get(), SHUT_WR), 0);
    ASSERT_EQ(test::receive(pair.client.get(), 0, true), 0U);
    const SocketReading closing = readUntil(*source, [&](const SocketReading& r) {
        const SocketRecord* c = findCookie(r.open, clientCookie);
        return c != nullptr && c->state == "TIME_WAIT" &&
               findCookie(r.open, serverCookie) == nullptr;
    });
    const SocketRecord* timeWait = findCookie(closing.open, clientCookie);
    ASSERT_NE(timeWait, nullptr);
    EXPECT_EQ(timeWait->state, "TIME_WAIT");
    EXPECT_FALSE(timeWait->bytesSent.has_value());
    EXPECT_FALSE(timeWait->bytesReceived.has_value());
    EXPECT_EQ(timeWait->inode, 0U);
    EXPECT_EQ(findCookie(closing.open, serverCookie), nullptr);
}

// With the peer's window closed, a FIN waits behind unsent data: FIN_WAIT1 and LAST_ACK with
// payload still in flight. What one side counts as sent is what the other counts as received.
TEST(SocketSourceLive, FinWaitingBehindAClosedWindowKeepsCountsExact) {
    const auto listener = test::listeningSocket("127.0.0.1");
    auto pair = test::connectedPair(listener.get(), "127.0.0.1", "127.0.0.1");
    const std::uint64_t clientCookie = cookieOf(pair.client.get());
    const std::uint64_t serverCookie = cookieOf(pair.server.get());
    auto source = makeSocketSource();

    const std::uint64_t written = test::sendUntilFull(pair.client.get());
    ASSERT_EQ(::shutdown(pair.client.get(), SHUT_WR), 0);
    const auto agree = [&](const SocketReading& r, const char* state) {
        const SocketRecord* c = findCookie(r.open, clientCookie);
        const SocketRecord* s = findCookie(r.open, serverCookie);
        return c && s && c->state == state && c->bytesSent && c->bytesSent == s->bytesReceived;
    };
    SocketReading reading =
        readUntil(*source, [&](const SocketReading& r) { return agree(r, "FIN_WAIT1"); });
    ASSERT_TRUE(agree(reading, "FIN_WAIT1"))
        << describe(findCookie(reading.open, clientCookie)) << " / "
        << describe(findCookie(reading.open, serverCookie));
    EXPECT_LT(*findCookie(reading.open, clientCookie)->bytesSent, written);

    ASSERT_EQ(test::receive(pair.server.get(), 0, true), written);
    expectPair(*source, clientCookie, {"FIN_WAIT2", written, 0}, serverCookie,
               {"CLOSE_WAIT", 0, written});

    const std::uint64_t back = test::sendUntilFull(pair.server.get());
    ASSERT_EQ(::shutdown(pair.server.get(), SHUT_WR), 0);
    reading = readUntil(*source, [&](const SocketReading& r) {
        const SocketRecord* c = findCookie(r.open, clientCookie);
        const SocketRecord* s = findCookie(r.open, serverCookie);
        return c && s && s->state == "LAST_ACK" && s->bytesSent == c->bytesReceived;
    });
    const SocketRecord* server = findCookie(reading.open, serverCookie);
    const SocketRecord* client = findCookie(reading.open, clientCookie);
    ASSERT_TRUE(server && client) << describe(server) << " / " << describe(client);
    EXPECT_EQ(server->state, "LAST_ACK");
    EXPECT_EQ(server->bytesSent, client->bytesReceived);
    EXPECT_EQ(server->bytesReceived, written);
    EXPECT_LT(*server->bytesSent, back);
    EXPECT_EQ(test::receive(pair.client.get(), 0, true), back);
}

TEST(SocketSourceLive, Ipv6AndV4MappedAddressesAreKeptAsTheKernelReportsThem) {
    const auto listener = test::listeningSocket("::");
    auto v6 = test::connectedPair(listener.get(), "::1", "::1");
    auto mapped = test::connectedPair(listener.get(), "127.0.0.1", "127.0.0.1");
    test::sendAll(v6.client.get(), 1'000);
    ASSERT_EQ(test::receive(v6.server.get(), 1'000), 1'000U);
    test::sendAll(mapped.server.get(), 2'000);
    ASSERT_EQ(test::receive(mapped.client.get(), 2'000), 2'000U);

    auto source = makeSocketSource();
    expectPair(*source, cookieOf(v6.client.get()), {"ESTABLISHED", 1'000, 0},
               cookieOf(v6.server.get()), {"ESTABLISHED", 0, 1'000});
    expectPair(*source, cookieOf(mapped.client.get()), {"ESTABLISHED", 0, 2'000},
               cookieOf(mapped.server.get()), {"ESTABLISHED", 2'000, 0});
    const SocketReading reading = readUntil(*source, [](const SocketReading&) { return true; });
    const SocketRecord* v6Client = findCookie(reading.open, cookieOf(v6.client.get()));
    const SocketRecord* mappedServer = findCookie(reading.open, cookieOf(mapped.server.get()));
    const SocketRecord* mappedClient = findCookie(reading.open, cookieOf(mapped.client.get()));
    const SocketRecord* wildcard = findCookie(reading.open, cookieOf(listener.get()));
    ASSERT_TRUE(v6Client && mappedServer && mappedClient && wildcard);
    EXPECT_EQ(v6Client->key.localAddress, *IpAddress::parse("::1"));
    EXPECT_EQ(v6Client->key.remoteAddress, *IpAddress::parse("::1"));
    EXPECT_EQ(mappedServer->key.localAddress, *IpAddress::parse("::ffff:127.0.0.1"));
    EXPECT_TRUE(mappedServer->key.remoteAddress.isV4Mapped());
    EXPECT_TRUE(mappedClient->key.localAddress.isV4());  // the client socket is AF_INET
    EXPECT_TRUE(wildcard->key.localAddress.isV6());
    EXPECT_TRUE(wildcard->key.localAddress.isUnspecified());
    EXPECT_TRUE(wildcard->listening);
}

TEST(SocketSourceLive, UdpSocketsBoundAndConnected) {
    const auto bound = test::boundSocket(SOCK_DGRAM, "127.0.0.1");
    const auto bound6 = test::boundSocket(SOCK_DGRAM, "::1");
    const auto connected = test::boundSocket(SOCK_DGRAM, "127.0.0.1");
    test::connectTo(connected.get(), "127.0.0.1", localPort(bound.get()));

    auto source = makeSocketSource();
    auto reading = source->read();
    ASSERT_TRUE(reading) << reading.error().describe();
    const SocketRecord* unconnected = findCookie(reading->open, cookieOf(bound.get()));
    const SocketRecord* unconnected6 = findCookie(reading->open, cookieOf(bound6.get()));
    const SocketRecord* peer = findCookie(reading->open, cookieOf(connected.get()));
    ASSERT_TRUE(unconnected && unconnected6 && peer);
    EXPECT_EQ(unconnected->key.protocol, Protocol::Udp);
    EXPECT_EQ(unconnected->state, "UNCONN");
    EXPECT_TRUE(unconnected->listening);
    EXPECT_EQ(unconnected->key.localPort, localPort(bound.get()));
    EXPECT_EQ(unconnected->key.remotePort, 0);
    EXPECT_EQ(unconnected->inode, inodeOf(bound.get()));
    EXPECT_FALSE(unconnected->bytesSent.has_value()) << "no UDP counters in basic mode";
    EXPECT_EQ(unconnected6->key.localAddress, *IpAddress::parse("::1"));
    EXPECT_EQ(unconnected6->key.localPort, localPort(bound6.get()));
    EXPECT_EQ(peer->state, "ESTABLISHED");
    EXPECT_FALSE(peer->listening);
    EXPECT_EQ(peer->key.localPort, localPort(connected.get()));
    EXPECT_EQ(peer->key.remotePort, localPort(bound.get()));
    EXPECT_EQ(peer->key.remoteAddress, IpAddress::v4({127, 0, 0, 1}));
    EXPECT_FALSE(peer->bytesReceived.has_value());
}

// NetlinkSocket, opened for NETLINK_SOCK_DIAG, runs the dumps and reports refusals.
TEST(SockDiagNetlinkSocket, DumpsTheTableAndStaysUsableAfterARefusal) {
    const auto listener = test::listeningSocket("127.0.0.1");
    auto socket = linux_platform::NetlinkSocket::open(linux_platform::NetlinkProtocol::SockDiag);
    ASSERT_TRUE(socket) << socket.error().describe();
    inet_diag_req_v2 request{};
    request.sdiag_family = AF_INET;
    request.sdiag_protocol = IPPROTO_TCP;
    request.idiag_states = 1U << 10U;  // LISTEN
    const auto bytes = [](const inet_diag_req_v2& r) {
        return std::as_bytes(std::span<const inet_diag_req_v2, 1>(&r, 1));
    };
    auto reply = socket->dump(SOCK_DIAG_BY_FAMILY, bytes(request));
    ASSERT_TRUE(reply) << reply.error().describe();
    const auto entries = linux_platform::parseSockDiagMessages(*reply, Protocol::Tcp);
    ASSERT_TRUE(entries) << entries.error().message;
    EXPECT_TRUE(std::any_of(entries->begin(), entries->end(), [&](const auto& entry) {
        return entry.record.cookie == cookieOf(listener.get()) && entry.record.listening;
    }));
    inet_diag_req_v2 unknown = request;
    unknown.sdiag_protocol = 253;  // RFC 3692 experimental: no diag module
    EXPECT_FALSE(socket->dump(SOCK_DIAG_BY_FAMILY, bytes(unknown)));
    EXPECT_TRUE(socket->dump(SOCK_DIAG_BY_FAMILY, bytes(request)));
}

}  // namespace
}  // namespace netmon
