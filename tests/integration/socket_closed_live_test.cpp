// SPDX-License-Identifier: GPL-3.0-or-later
// Connections that close between two readings: destroy notifications (root) must carry their
// exact final payload, whichever side closes first and however. And the owner of this test's
// own sockets is this test's process.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"
#include "fakes/loopback_sockets.h"
#include "platform/source_factories.h"
#include "support/machine_checks.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::cookieOf;
using test::inodeOf;

// Reads until every cookie has come back in `closed`, or 5 s pass.
std::map<std::uint64_t, SocketRecord> closedRecords(SocketSource& source,
                                                    const std::vector<std::uint64_t>& cookies) {
    std::map<std::uint64_t, SocketRecord> found;
    for (int attempt = 0; attempt < 100 && found.size() < cookies.size(); ++attempt) {
        auto reading = source.read();
        EXPECT_TRUE(reading) << reading.error().describe();
        if (!reading) {
            break;
        }
        for (const SocketRecord& record : reading->closed) {
            if (std::find(cookies.begin(), cookies.end(), record.cookie) != cookies.end()) {
                found.emplace(record.cookie, record);
            }
        }
        std::this_thread::sleep_for(50ms);
    }
    return found;
}

enum class Ending { BothShutDownThenClose, ClientClosesFirst, ServerClosesFirst, ServerResets };
// When the source first read the table: a monitor sees most connections during their life,
// some only after they closed (a connection shorter than one tick).
enum class Seen { AtConnect, AfterTransfer, Never };

struct Case {
    Ending ending;
    Seen seen;
    std::uint64_t toServer;
    std::uint64_t toClient;
};

class SocketClosedLive : public testing::TestWithParam<Case> {};

TEST_P(SocketClosedLive, FinalPayloadOfBothEnds) {
    // The machine decides (root), not the source's own answer: a source that wrongly said it
    // cannot hear closes must fail here.
    if (const auto reason = test::rootUnavailableReason("hearing sockets close (CAP_NET_ADMIN)")) {
        GTEST_SKIP() << *reason;
    }
    auto source = makeSocketSource();
    ASSERT_TRUE(source->reportsClosedSockets()) << source->mechanism();
    EXPECT_NE(source->mechanism().find("destroy"), std::string_view::npos);
    const Case& c = GetParam();
    const auto listener = test::listeningSocket("127.0.0.1");
    auto pair = test::connectedPair(listener.get(), "127.0.0.1", "127.0.0.1");
    const std::uint64_t client = cookieOf(pair.client.get());
    const std::uint64_t server = cookieOf(pair.server.get());
    if (c.seen == Seen::AtConnect) {
        ASSERT_TRUE(source->read());
    }
    test::sendAll(pair.client.get(), c.toServer);
    ASSERT_EQ(test::receive(pair.server.get(), c.toServer), c.toServer);
    test::sendAll(pair.server.get(), c.toClient);
    ASSERT_EQ(test::receive(pair.client.get(), c.toClient), c.toClient);
    if (c.seen == Seen::AfterTransfer) {
        std::this_thread::sleep_for(50ms);  // the last acks
        ASSERT_TRUE(source->read());
    }
    switch (c.ending) {
        case Ending::BothShutDownThenClose:
            ::shutdown(pair.client.get(), SHUT_WR);
            ASSERT_EQ(test::receive(pair.server.get(), 0, true), 0U);
            ::shutdown(pair.server.get(), SHUT_WR);
            ASSERT_EQ(test::receive(pair.client.get(), 0, true), 0U);
            pair.client.reset();
            pair.server.reset();
            break;
        case Ending::ClientClosesFirst:  // an orphan in FIN_WAIT2, then LAST_ACK on the server
            pair.client.reset();
            ASSERT_EQ(test::receive(pair.server.get(), 0, true), 0U);
            pair.server.reset();
            break;
        case Ending::ServerClosesFirst:
            pair.server.reset();
            ASSERT_EQ(test::receive(pair.client.get(), 0, true), 0U);
            pair.client.reset();
            break;
        case Ending::ServerResets: {  // SO_LINGER 0: RST, no FINs
            const linger hard{1, 0};
            ::setsockopt(pair.server.get(), SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
            pair.server.reset();
            pair.client.reset();
            break;
        }
    }
    const auto closed = closedRecords(*source, {client, server});
    ASSERT_EQ(closed.size(), 2U) << "destroy notifications missing";
    const SocketRecord& clientEnd = closed.at(client);
    const SocketRecord& serverEnd = closed.at(server);
    EXPECT_EQ(clientEnd.key.protocol, Protocol::Tcp);
    EXPECT_EQ(clientEnd.bytesSent, c.toServer);
    EXPECT_EQ(clientEnd.bytesReceived, c.toClient);
    if (c.ending != Ending::ServerResets) {  // tcp_disconnect() zeroes the resetting side's
        EXPECT_EQ(serverEnd.bytesSent, c.toClient);
        EXPECT_EQ(serverEnd.bytesReceived, c.toServer);
    }
}

// Not here: both ends shut down, then closed, never read in between — the kernel leaves the
// peer's FIN ambiguous then (see TcpPayloadTracker).
INSTANTIATE_TEST_SUITE_P(
    Endings, SocketClosedLive,
    testing::Values(Case{Ending::BothShutDownThenClose, Seen::AfterTransfer, 1'234'567, 89'012},
                    Case{Ending::BothShutDownThenClose, Seen::AtConnect, 0, 0},
                    Case{Ending::ClientClosesFirst, Seen::AtConnect, 40'000, 4'000},
                    Case{Ending::ClientClosesFirst, Seen::Never, 40'000, 4'000},
                    Case{Ending::ServerClosesFirst, Seen::AfterTransfer, 1, 77'777},
                    Case{Ending::ServerClosesFirst, Seen::Never, 1, 77'777},
                    Case{Ending::ServerResets, Seen::AfterTransfer, 5'000, 6'000}));

std::string ownComm() {
    std::ifstream in("/proc/self/comm");
    std::string name;
    std::getline(in, name);
    return name;
}

TEST(ProcessSourceLive, SocketsOfThisTestBelongToThisProcess) {
    const auto listener = test::listeningSocket("127.0.0.1");
    auto pair = test::connectedPair(listener.get(), "127.0.0.1", "127.0.0.1");
    const auto udp = test::boundSocket(SOCK_DGRAM, "::1");
    const std::uint32_t uid = ::geteuid();
    const std::vector<SocketQuery> queries = {{inodeOf(listener.get()), uid},
                                              {inodeOf(pair.client.get()), uid},
                                              {inodeOf(pair.server.get()), uid},
                                              {inodeOf(udp.get()), uid},
                                              {0, uid}};
    auto source = makeProcessSource();
    for (int round = 0; round < 2; ++round) {  // the second answer comes from the cache
        const auto owners = source->owners(queries);
        ASSERT_EQ(owners.size(), queries.size());
        for (const SocketQuery& query : queries) {
            const SocketOwner& owner = owners.at(query.inode);
            if (query.inode == 0) {
                EXPECT_EQ(owner.visibility, OwnerVisibility::NoOwner);
                continue;
            }
            EXPECT_EQ(owner.visibility, OwnerVisibility::Known) << query.inode;
            EXPECT_EQ(owner.process.pid, static_cast<std::uint32_t>(::getpid()));
            EXPECT_EQ(owner.process.name, ownComm());
            EXPECT_EQ(owner.process.uid, uid);
            char exe[4096] = {};
            ASSERT_GT(::readlink("/proc/self/exe", exe, sizeof(exe) - 1), 0);
            EXPECT_EQ(owner.process.executable, exe);
        }
    }
    // A socket closed since is no longer this process's (NoOwner; NeedsAdmin where a process
    // of this user cannot be read, as some sandboxes' init even for root).
    const std::uint64_t gone = inodeOf(pair.client.get());
    pair.client.reset();
    EXPECT_NE(source->owners({{gone, uid}}).at(gone).visibility, OwnerVisibility::Known);
}

}  // namespace
}  // namespace netmon
