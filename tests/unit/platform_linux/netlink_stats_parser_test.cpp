// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_stats_parser.h"

#include <gtest/gtest.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include <array>

#include "unit/platform_linux/netlink_message_builder.h"

namespace netmon::linux_platform {
namespace {

if_stats_msg statsHeader(std::uint32_t index) {
    if_stats_msg header{};
    header.ifindex = index;
    header.filter_mask = 1U << (IFLA_STATS_LINK_64 - 1);
    return header;
}

rtnl_link_stats64 stats(std::uint64_t rxBytes, std::uint64_t txBytes) {
    rtnl_link_stats64 value{};
    value.rx_bytes = rxBytes;
    value.tx_bytes = txBytes;
    value.rx_packets = 3;
    value.tx_dropped = 4;
    return value;
}

TEST(NetlinkStatsParser, ParsesCountersPerIndex) {
    NetlinkMessageBuilder builder;
    builder.begin(RTM_NEWSTATS, statsHeader(1))
        .attribute(IFLA_STATS_LINK_64, stats(10, 20))
        .finish();
    builder.begin(RTM_NEWSTATS, statsHeader(7))
        .attribute(IFLA_STATS_LINK_64, stats(1ULL << 40, 5))
        .finish();
    const auto counters = parseStatsMessages(builder.view());
    ASSERT_TRUE(counters) << counters.error().message;
    ASSERT_EQ(counters->size(), 2U);
    EXPECT_EQ((*counters)[0].index, 1U);
    EXPECT_EQ((*counters)[0].counters.rxBytes, 10U);
    EXPECT_EQ((*counters)[0].counters.txBytes, 20U);
    EXPECT_EQ((*counters)[0].counters.rxPackets, 3U);
    EXPECT_EQ((*counters)[0].counters.txDrops, 4U);
    EXPECT_EQ((*counters)[1].index, 7U);
    EXPECT_EQ((*counters)[1].counters.rxBytes, 1ULL << 40);
}

void expectError(std::span<const std::byte> bytes, std::string_view fragment) {
    const std::vector<std::byte> copy(bytes.begin(), bytes.end());
    const auto counters = parseStatsMessages(copy);
    ASSERT_FALSE(counters);
    EXPECT_NE(counters.error().message.find(fragment), std::string::npos)
        << counters.error().message;
}

TEST(NetlinkStatsParserMalformed, MissingLink64) {
    NetlinkMessageBuilder builder;
    builder.begin(RTM_NEWSTATS, statsHeader(2)).finish();
    expectError(builder.view(), "no IFLA_STATS_LINK_64 for index 2");
}

TEST(NetlinkStatsParserMalformed, ShortCounters) {
    NetlinkMessageBuilder builder;
    const std::array<std::uint64_t, 2> tooFew{1, 2};
    builder.begin(RTM_NEWSTATS, statsHeader(2)).attribute(IFLA_STATS_LINK_64, tooFew).finish();
    expectError(builder.view(), "IFLA_STATS_LINK_64 has 16 bytes");
}

TEST(NetlinkStatsParserMalformed, TruncatedHeaderAndAttribute) {
    NetlinkMessageBuilder builder;
    builder.begin(RTM_NEWSTATS, statsHeader(2)).attribute(IFLA_STATS_LINK_64, stats(1, 2)).finish();
    auto shortHeader = builder.bytes();
    const std::uint32_t length = sizeof(nlmsghdr) + 6;
    std::memcpy(shortHeader.data(), &length, sizeof(length));
    shortHeader.resize(length);
    expectError(shortHeader, "if_stats_msg header truncated");

    builder.patchU16(sizeof(nlmsghdr) + sizeof(if_stats_msg), 200);
    expectError(builder.view(), "does not fit");
}

}  // namespace
}  // namespace netmon::linux_platform
