// SPDX-License-Identifier: GPL-3.0-or-later
// Destroy notifications as the kernel sends them, and what happens when more come than fit.
#include "platform/linux/sock_diag_destroy_listener.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "fakes/loopback_sockets.h"
#include "support/machine_checks.h"

namespace netmon::linux_platform {
namespace {

using namespace std::chrono_literals;

// Drains until `wanted` cookies came (or 2 s pass); returns everything drained.
std::vector<SockDiagEntry> drainFor(SockDiagDestroyListener& listener,
                                    const std::vector<std::uint64_t>& wanted) {
    std::vector<SockDiagEntry> all;
    for (int attempt = 0; attempt < 40; ++attempt) {
        auto drained = listener.drain();
        EXPECT_TRUE(drained) << drained.error().message;
        if (drained) {
            all.insert(all.end(), drained->begin(), drained->end());
        }
        const bool complete = std::all_of(wanted.begin(), wanted.end(), [&](std::uint64_t c) {
            return std::any_of(all.begin(), all.end(),
                               [c](const SockDiagEntry& e) { return e.record.cookie == c; });
        });
        if (complete) {
            break;
        }
        std::this_thread::sleep_for(50ms);
    }
    return all;
}

TEST(SockDiagDestroyListener, UdpAndTcpClosesArriveParsed) {
    if (const auto reason = test::rootUnavailableReason("destroy notifications (CAP_NET_ADMIN)")) {
        GTEST_SKIP() << *reason;
    }
    auto listener = SockDiagDestroyListener::open();
    ASSERT_TRUE(listener) << listener.error().error.message;
    auto udp = test::boundSocket(SOCK_DGRAM, "::1");
    const std::uint64_t udpCookie = test::cookieOf(udp.get());
    const std::uint16_t udpPort = test::localPort(udp.get());
    const auto tcpListener = test::listeningSocket("127.0.0.1");
    auto pair = test::connectedPair(tcpListener.get(), "127.0.0.1", "127.0.0.1");
    const std::uint64_t clientCookie = test::cookieOf(pair.client.get());
    udp.reset();
    pair.client.reset();
    pair.server.reset();

    const auto all = drainFor(*listener, {udpCookie, clientCookie});
    const auto find = [&](std::uint64_t cookie) -> const SockDiagEntry* {
        const auto found = std::find_if(all.begin(), all.end(), [cookie](const SockDiagEntry& e) {
            return e.record.cookie == cookie;
        });
        return found == all.end() ? nullptr : &*found;
    };
    const SockDiagEntry* udpEntry = find(udpCookie);
    const SockDiagEntry* tcpEntry = find(clientCookie);
    ASSERT_TRUE(udpEntry && tcpEntry);
    EXPECT_EQ(udpEntry->record.key.protocol, Protocol::Udp);
    EXPECT_EQ(udpEntry->record.key.localPort, udpPort);
    EXPECT_EQ(udpEntry->record.key.localAddress, *IpAddress::parse("::1"));
    EXPECT_FALSE(udpEntry->tcpInfo);
    EXPECT_EQ(tcpEntry->record.key.protocol, Protocol::Tcp);
    EXPECT_EQ(tcpEntry->record.state, "CLOSE") << "a destroyed socket is CLOSE however it ended";
    ASSERT_TRUE(tcpEntry->tcpInfo);
    EXPECT_EQ(tcpEntry->tcpInfo->bytesAcked, 2U) << "SYN and FIN, no payload";
    EXPECT_EQ(listener->overruns(), 0U);
}

// More closes than the queue holds: the kernel drops some (ENOBUFS); the rest still arrive,
// nothing fails, and the overrun is counted.
TEST(SockDiagDestroyListener, OverrunIsCountedNotAnError) {
    if (const auto reason = test::rootUnavailableReason("destroy notifications (CAP_NET_ADMIN)")) {
        GTEST_SKIP() << *reason;
    }
    auto listener = SockDiagDestroyListener::open(4'096);  // the kernel's minimum is about 2 KiB
    ASSERT_TRUE(listener) << listener.error().error.message;
    for (int i = 0; i < 300; ++i) {
        test::boundSocket(SOCK_DGRAM, "127.0.0.1");  // made and closed at once
    }
    std::this_thread::sleep_for(200ms);  // the kernel sends them from a work queue
    auto drained = listener->drain();
    ASSERT_TRUE(drained) << drained.error().message;
    EXPECT_GE(listener->overruns(), 1U);
    EXPECT_LT(drained->size(), 300U);
    auto again = listener->drain();
    ASSERT_TRUE(again) << "the listener keeps working after an overrun";
}

// A storm of closes is taken a bounded number at a time; what is left waits in the kernel's
// queue for the next drain and is not lost.
TEST(SockDiagDestroyListener, DrainTakesAtMostItsLimitAndLeavesTheRestQueued) {
    auto listener = SockDiagDestroyListener::open();
    if (!listener) {
        GTEST_SKIP() << "destroy notifications refused here: " << listener.error().error.message;
    }
    std::vector<std::uint64_t> cookies;
    for (int i = 0; i < 50; ++i) {
        auto socket = test::boundSocket(SOCK_DGRAM, "127.0.0.1");
        cookies.push_back(test::cookieOf(socket.get()));
    }                                    // each closed at once
    std::this_thread::sleep_for(200ms);  // the kernel sends them from a work queue
    auto first = listener->drain(10);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_GE(first->size(), 10U);
    EXPECT_LT(first->size(), 20U) << "one read's worth past the limit at most";
    auto rest = drainFor(*listener, cookies);
    rest.insert(rest.end(), first->begin(), first->end());
    for (const std::uint64_t cookie : cookies) {
        EXPECT_TRUE(
            std::any_of(rest.begin(), rest.end(),
                        [cookie](const SockDiagEntry& e) { return e.record.cookie == cookie; }))
            << "cookie " << cookie;
    }
    EXPECT_EQ(listener->overruns(), 0U);
}

}  // namespace
}  // namespace netmon::linux_platform
