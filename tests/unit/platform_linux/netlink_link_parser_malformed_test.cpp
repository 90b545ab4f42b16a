// SPDX-License-Identifier: GPL-3.0-or-later
// Malformed RTM_NEWLINK input: each case is an Error, never a partial list or a read past
// the buffer (the sanitizer build checks the latter).
#include <gtest/gtest.h>

#include "platform/linux/netlink_link_parser.h"
#include "unit/platform_linux/link_messages.h"

namespace netmon::linux_platform {
namespace {

using namespace test;

void expectError(std::span<const std::byte> bytes, std::string_view fragment) {
    const auto copy = exactCopy(bytes);
    const auto interfaces = parseLinkMessages(copy);
    ASSERT_FALSE(interfaces) << "parsed " << interfaces->size() << " links";
    EXPECT_NE(interfaces.error().message.find(fragment), std::string::npos)
        << interfaces.error().message;
}

TEST(NetlinkLinkParserMalformed, TruncatedMessageHeader) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    expectError(builder.view().first(10), "truncated message header");
}

TEST(NetlinkLinkParserMalformed, TrailingBytesAfterTheLastMessage) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    builder.bytes().resize(builder.bytes().size() + 4);
    builder.bytes().resize(builder.bytes().size() - 1);
    expectError(builder.view(), "truncated message header");
}

TEST(NetlinkLinkParserMalformed, MessageLengthBeyondTheBuffer) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    builder.patchU32(0, static_cast<std::uint32_t>(builder.bytes().size() + 4));
    expectError(builder.view(), "does not fit");
}

TEST(NetlinkLinkParserMalformed, MessageLengthShorterThanItsHeader) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    builder.patchU32(0, 8);
    expectError(builder.view(), "does not fit");
}

TEST(NetlinkLinkParserMalformed, TruncatedIfinfomsg) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    builder.patchU32(0, sizeof(nlmsghdr) + 8);
    expectError(builder.view().first(sizeof(nlmsghdr) + 8), "ifinfomsg header truncated");
}

TEST(NetlinkLinkParserMalformed, AttributeLengthBelowItsHeader) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    // The first attribute (IFLA_IFNAME) starts right after nlmsghdr + ifinfomsg.
    builder.patchU16(sizeof(nlmsghdr) + sizeof(ifinfomsg), 2);
    expectError(builder.view(), "length 2 does not fit");
}

TEST(NetlinkLinkParserMalformed, AttributeLengthBeyondTheMessage) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    builder.patchU16(sizeof(nlmsghdr) + sizeof(ifinfomsg), 0xFFF0);
    expectError(builder.view(), "does not fit");
}

TEST(NetlinkLinkParserMalformed, NestedLinkInfoTruncated) {
    NetlinkMessageBuilder builder;
    addLink(builder, {.linkKind = "veth"});
    // Cut the message inside IFLA_INFO_KIND but keep the outer lengths consistent, so only
    // the nested attribute overruns its parent.
    auto& bytes = builder.bytes();
    const std::size_t kindHeader = bytes.size() - 12;  // nlattr + "veth\0" + 3 pad
    std::uint16_t nestLength = 0;
    std::memcpy(&nestLength, bytes.data() + kindHeader - 4, 2);
    builder.patchU16(kindHeader - 4, static_cast<std::uint16_t>(nestLength - 4));
    bytes.resize(bytes.size() - 4);
    builder.patchU32(0, static_cast<std::uint32_t>(bytes.size()));
    expectError(builder.view(), "inside IFLA_LINKINFO");
}

TEST(NetlinkLinkParserMalformed, NameWithoutNul) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    const char name[4] = {'e', 't', 'h', '0'};
    builder.begin(RTM_NEWLINK, header)
        .attribute(IFLA_IFNAME, name)
        .attribute(IFLA_STATS64, sampleStats())
        .finish();
    expectError(builder.view(), "IFLA_IFNAME is not NUL-terminated");
}

TEST(NetlinkLinkParserMalformed, MissingName) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    builder.begin(RTM_NEWLINK, header).attribute(IFLA_STATS64, sampleStats()).finish();
    expectError(builder.view(), "no IFLA_IFNAME");
}

TEST(NetlinkLinkParserMalformed, MissingCounters) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    builder.begin(RTM_NEWLINK, header).stringAttribute(IFLA_IFNAME, "eth0").finish();
    expectError(builder.view(), "no IFLA_STATS64");
}

TEST(NetlinkLinkParserMalformed, CountersTooShort) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    const std::array<std::uint64_t, 3> stats{1, 2, 3};
    builder.begin(RTM_NEWLINK, header)
        .stringAttribute(IFLA_IFNAME, "eth0")
        .attribute(IFLA_STATS64, stats)
        .finish();
    expectError(builder.view(), "IFLA_STATS64 has 24 bytes");
}

TEST(NetlinkLinkParserMalformed, EmptyOperState) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    builder.begin(RTM_NEWLINK, header)
        .stringAttribute(IFLA_IFNAME, "eth0")
        .attribute(IFLA_OPERSTATE, nullptr, 0)
        .attribute(IFLA_STATS64, sampleStats())
        .finish();
    expectError(builder.view(), "empty IFLA_OPERSTATE");
}

// Every cut of a valid dump, with the message length made to agree with the cut, must give
// an Error or a clean result; in the sanitizer build any read past the cut would abort.
TEST(NetlinkLinkParserMalformed, EveryTruncationIsHandled) {
    NetlinkMessageBuilder builder;
    addLink(builder, {.linkKind = "veth"});
    const auto full = builder.bytes();
    for (std::size_t cut = 0; cut < full.size(); ++cut) {
        std::vector<std::byte> bytes(full.begin(), full.begin() + static_cast<long>(cut));
        if (cut >= sizeof(nlmsghdr)) {
            const auto length = static_cast<std::uint32_t>(cut);
            std::memcpy(bytes.data(), &length, sizeof(length));
        }
        const auto interfaces = parseLinkMessages(bytes);
        if (interfaces) {
            // Only nothing at all, or a cut at an attribute boundary after the counters, can
            // still parse.
            EXPECT_EQ(interfaces->size(), cut == 0 ? 0U : 1U) << "cut at " << cut;
        }
    }
}

TEST(NetlinkLinkParserMalformed, EveryCorruptedByteIsHandled) {
    NetlinkMessageBuilder builder;
    addLink(builder, {.linkKind = "veth"});
    addLink(builder, {.name = "lo", .index = 1, .hardwareType = ARPHRD_LOOPBACK});
    const auto full = builder.bytes();
    for (std::size_t at = 0; at < full.size(); ++at) {
        for (const std::byte value : {std::byte{0x00}, std::byte{0x7F}, std::byte{0xFF}}) {
            auto bytes = full;
            bytes[at] = value;
            (void)parseLinkMessages(bytes);  // must return, whatever it returns
        }
    }
}

}  // namespace
}  // namespace netmon::linux_platform
