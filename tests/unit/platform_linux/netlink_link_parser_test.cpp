// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_link_parser.h"

#include <gtest/gtest.h>

#include "unit/platform_linux/link_messages.h"

namespace netmon::linux_platform {
namespace {

using namespace test;

TEST(NetlinkLinkParser, ParsesAllFieldsOfOneLink) {
    NetlinkMessageBuilder builder;
    addLink(builder, {});
    const auto interfaces = parseLinkMessages(builder.view());
    ASSERT_TRUE(interfaces) << interfaces.error().message;
    ASSERT_EQ(interfaces->size(), 1U);
    const InterfaceStat& eth = interfaces->front();
    EXPECT_EQ(eth.name, "eth0");
    EXPECT_EQ(eth.index, 2U);
    EXPECT_EQ(eth.mac, "02:ab:cd:00:10:ff");
    EXPECT_EQ(eth.state, OperState::Up);
    EXPECT_EQ(eth.kind, InterfaceKind::Ethernet);
    EXPECT_FALSE(eth.isVirtual);
    EXPECT_EQ(eth.counterBits, 64U);
    EXPECT_EQ(eth.counters.rxBytes, 0x1'0000'0001ULL);
    EXPECT_EQ(eth.counters.txBytes, 4444U);
    EXPECT_EQ(eth.counters.rxPackets, 11U);
    EXPECT_EQ(eth.counters.txPackets, 22U);
    EXPECT_EQ(eth.counters.rxErrors, 5U);
    EXPECT_EQ(eth.counters.txErrors, 6U);
    EXPECT_EQ(eth.counters.rxDrops, 7U);
    EXPECT_EQ(eth.counters.txDrops, 8U);
    EXPECT_TRUE(eth.addresses.empty());
    EXPECT_FALSE(eth.speedMbps);
}

TEST(NetlinkLinkParser, ClassifiesFromLinkInfoAndHardwareType) {
    NetlinkMessageBuilder builder;
    addLink(builder, {.name = "lo",
                      .index = 1,
                      .hardwareType = ARPHRD_LOOPBACK,
                      .mac = {},
                      .operState = IF_OPER_UNKNOWN});
    addLink(builder, {.name = "nmt0", .index = 7, .linkKind = "veth"});
    addLink(builder, {.name = "wg0",
                      .index = 8,
                      .hardwareType = ARPHRD_NONE,
                      .operState = IF_OPER_DOWN,
                      .linkKind = "wireguard"});
    addLink(
        builder,
        {.name = "docker0", .index = 9, .operState = IF_OPER_LOWERLAYERDOWN, .linkKind = "bridge"});
    addLink(builder, {.name = "bond0", .index = 10, .linkKind = "bond"});
    const auto interfaces = parseLinkMessages(builder.view());
    ASSERT_TRUE(interfaces) << interfaces.error().message;
    ASSERT_EQ(interfaces->size(), 5U);
    EXPECT_EQ((*interfaces)[0].kind, InterfaceKind::Loopback);
    EXPECT_TRUE((*interfaces)[0].isVirtual);
    EXPECT_EQ((*interfaces)[0].mac, "00:00:00:00:00:00");
    EXPECT_EQ((*interfaces)[0].state, OperState::Unknown);
    EXPECT_EQ((*interfaces)[1].kind, InterfaceKind::Veth);
    EXPECT_TRUE((*interfaces)[1].isVirtual);
    EXPECT_EQ((*interfaces)[2].kind, InterfaceKind::Tunnel);
    EXPECT_EQ((*interfaces)[2].state, OperState::Down);
    EXPECT_EQ((*interfaces)[3].kind, InterfaceKind::Container);
    EXPECT_EQ((*interfaces)[3].state, OperState::LowerLayerDown);
    EXPECT_EQ((*interfaces)[4].kind, InterfaceKind::Bond);
    EXPECT_FALSE((*interfaces)[4].isVirtual);
}

TEST(NetlinkLinkParser, SkipsOtherMessageTypesAndUnknownAttributes) {
    NetlinkMessageBuilder builder;
    ifaddrmsg other{};
    builder.begin(RTM_NEWADDR, other).finish();
    addLink(builder, {});
    // An attribute type from a future kernel, beyond IFLA_MAX, is ignored.
    const std::uint32_t future = 42;
    builder.attribute(IFLA_MAX + 20, future).finish();
    const auto interfaces = parseLinkMessages(builder.view());
    ASSERT_TRUE(interfaces) << interfaces.error().message;
    ASSERT_EQ(interfaces->size(), 1U);
    EXPECT_EQ(interfaces->front().name, "eth0");
}

TEST(NetlinkLinkParser, EmptyDumpIsAnEmptyList) {
    const auto interfaces = parseLinkMessages({});
    ASSERT_TRUE(interfaces);
    EXPECT_TRUE(interfaces->empty());
}

TEST(NetlinkLinkParser, Uses32BitStatsWhenStats64IsAbsent) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    header.ifi_type = ARPHRD_ETHER;
    header.ifi_index = 3;
    rtnl_link_stats stats{};
    stats.rx_bytes = 123;
    stats.tx_bytes = 456;
    builder.begin(RTM_NEWLINK, header)
        .stringAttribute(IFLA_IFNAME, "old0")
        .attribute(IFLA_STATS, stats)
        .finish();
    const auto interfaces = parseLinkMessages(builder.view());
    ASSERT_TRUE(interfaces) << interfaces.error().message;
    EXPECT_EQ(interfaces->front().counterBits, 32U);
    EXPECT_EQ(interfaces->front().counters.rxBytes, 123U);
    EXPECT_EQ(interfaces->front().counters.txBytes, 456U);
}

TEST(NetlinkLinkParser, AcceptsTheShorterStats64OfOlderKernels) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    header.ifi_index = 3;
    const rtnl_link_stats64 stats = sampleStats();
    builder.begin(RTM_NEWLINK, header)
        .stringAttribute(IFLA_IFNAME, "old0")
        .attribute(IFLA_STATS64, &stats, 8 * sizeof(std::uint64_t))
        .finish();
    const auto interfaces = parseLinkMessages(builder.view());
    ASSERT_TRUE(interfaces) << interfaces.error().message;
    EXPECT_EQ(interfaces->front().counters.txDrops, 8U);
}

TEST(NetlinkLinkParser, NonEthernetHardwareAddressIsNotAMac) {
    NetlinkMessageBuilder builder;
    ifinfomsg header{};
    header.ifi_type = ARPHRD_TUNNEL;
    header.ifi_index = 4;
    const std::array<std::uint8_t, 4> endpoint{192, 0, 2, 1};
    builder.begin(RTM_NEWLINK, header)
        .stringAttribute(IFLA_IFNAME, "tunl0")
        .attribute(IFLA_ADDRESS, endpoint)
        .attribute(IFLA_STATS64, sampleStats())
        .finish();
    const auto interfaces = parseLinkMessages(builder.view());
    ASSERT_TRUE(interfaces) << interfaces.error().message;
    EXPECT_EQ(interfaces->front().mac, "");
    EXPECT_EQ(interfaces->front().kind, InterfaceKind::Tunnel);
}

}  // namespace
}  // namespace netmon::linux_platform
