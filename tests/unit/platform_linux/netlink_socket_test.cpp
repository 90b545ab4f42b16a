// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_socket.h"

#include <gtest/gtest.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cerrno>

#include "platform/linux/netlink_link_parser.h"

namespace netmon::linux_platform {
namespace {

ByteSpan linkRequest() {
    static const ifinfomsg request{};  // AF_UNSPEC: every link
    return std::as_bytes(std::span<const ifinfomsg, 1>(&request, 1));
}

TEST(NetlinkSocket, DumpsLinksRepeatedlyOnOneSocket) {
    auto socket = NetlinkSocket::open();
    ASSERT_TRUE(socket) << socket.error().describe();
    // Each dump uses a new sequence number; none may pick up parts of another.
    std::size_t count = 0;
    for (int i = 0; i < 50; ++i) {
        const auto reply = socket->dump(RTM_GETLINK, linkRequest());
        ASSERT_TRUE(reply) << reply.error().describe();
        const auto links = parseLinkMessages(*reply);
        ASSERT_TRUE(links) << links.error().message;
        if (i == 0) {
            count = links->size();
            ASSERT_GT(count, 0U);
        }
        EXPECT_EQ(links->size(), count);
    }
}

TEST(NetlinkSocket, GrowsATooSmallBufferAndStartsTheDumpAgain) {
    auto normal = NetlinkSocket::open();
    auto tiny = NetlinkSocket::open(64);  // every link message is larger than this
    ASSERT_TRUE(normal && tiny);
    const auto expected = normal->dump(RTM_GETLINK, linkRequest());
    ASSERT_TRUE(expected) << expected.error().describe();
    const auto expectedLinks = parseLinkMessages(*expected);
    const auto reply = tiny->dump(RTM_GETLINK, linkRequest());
    ASSERT_TRUE(reply) << reply.error().describe();
    const auto links = parseLinkMessages(*reply);
    ASSERT_TRUE(links && expectedLinks);
    ASSERT_EQ(links->size(), expectedLinks->size());
    for (std::size_t i = 0; i < links->size(); ++i) {
        EXPECT_EQ((*links)[i].name, (*expectedLinks)[i].name);
    }
}

TEST(NetlinkSocket, RefusedRequestIsAnError) {
    auto socket = NetlinkSocket::open();
    ASSERT_TRUE(socket) << socket.error().describe();
    constexpr std::uint16_t kNoSuchRequest = RTM_MAX + 40;
    const auto reply = socket->dump(kNoSuchRequest, linkRequest());
    ASSERT_FALSE(reply);
    EXPECT_NE(reply.error().message.find("refused"), std::string::npos) << reply.error().message;
    // The socket stays usable after an error.
    EXPECT_TRUE(socket->dump(RTM_GETLINK, linkRequest()));
}

ByteSpan linkRequestFor(int ifindex) {
    static ifinfomsg request{};
    request.ifi_index = ifindex;
    return std::as_bytes(std::span<const ifinfomsg, 1>(&request, 1));
}

TEST(NetlinkSocket, ARequestReturnsWhatCameBeforeTheAcknowledgement) {
    auto socket = NetlinkSocket::open();
    ASSERT_TRUE(socket) << socket.error().describe();
    // A plain (not dump) RTM_GETLINK for loopback: the kernel answers with the link, then acks.
    const auto answer = socket->request(RTM_GETLINK, 0, linkRequestFor(1));
    ASSERT_TRUE(answer) << answer.error().describe();
    EXPECT_EQ(answer->error, 0);
    const auto links = parseLinkMessages(answer->messages);
    ASSERT_TRUE(links) << links.error().message;
    ASSERT_EQ(links->size(), 1u);
    EXPECT_EQ((*links)[0].name, "lo");
}

TEST(NetlinkSocket, ARefusedRequestCarriesTheKernelsErrno) {
    auto socket = NetlinkSocket::open();
    ASSERT_TRUE(socket) << socket.error().describe();
    const auto answer = socket->request(RTM_GETLINK, 0, linkRequestFor(0x7fffffff));
    ASSERT_TRUE(answer) << answer.error().describe();
    EXPECT_EQ(answer->error, ENODEV);
    EXPECT_TRUE(answer->messages.empty());
    // Requests and dumps go on on the same socket.
    EXPECT_TRUE(socket->dump(RTM_GETLINK, linkRequest()));
    const auto again = socket->request(RTM_GETLINK, 0, linkRequestFor(1));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->error, 0);
}

TEST(NetlinkSocket, MovedSocketStillWorks) {
    auto socket = NetlinkSocket::open();
    ASSERT_TRUE(socket);
    NetlinkSocket moved = std::move(*socket);
    EXPECT_TRUE(moved.dump(RTM_GETLINK, linkRequest()));
}

}  // namespace
}  // namespace netmon::linux_platform
