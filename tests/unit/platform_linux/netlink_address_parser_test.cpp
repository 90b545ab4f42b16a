// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_address_parser.h"

#include <gtest/gtest.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>

#include "unit/platform_linux/netlink_message_builder.h"

namespace netmon::linux_platform {
namespace {

ifaddrmsg addressHeader(std::uint8_t family, std::uint8_t prefix, std::uint32_t index) {
    ifaddrmsg header{};
    header.ifa_family = family;
    header.ifa_prefixlen = prefix;
    header.ifa_index = index;
    return header;
}

TEST(NetlinkAddressParser, ParsesIpv4AndIpv6) {
    NetlinkMessageBuilder builder;
    const std::array<std::uint8_t, 4> local{10, 200, 7, 1};
    const std::array<std::uint8_t, 4> peer{10, 200, 7, 255};
    builder.begin(RTM_NEWADDR, addressHeader(AF_INET, 24, 3))
        .attribute(IFA_ADDRESS, peer)
        .attribute(IFA_LOCAL, local)
        .stringAttribute(IFA_LABEL, "eth0")
        .finish();
    std::array<std::uint8_t, 16> v6{};
    v6[0] = 0xfd;
    v6[15] = 0x01;
    builder.begin(RTM_NEWADDR, addressHeader(AF_INET6, 64, 3)).attribute(IFA_ADDRESS, v6).finish();
    const auto addresses = parseAddressMessages(builder.view());
    ASSERT_TRUE(addresses) << addresses.error().message;
    ASSERT_EQ(addresses->size(), 2U);
    // IFA_LOCAL wins over IFA_ADDRESS (which is the peer on point-to-point links).
    EXPECT_EQ((*addresses)[0], (InterfaceAddress{3, "10.200.7.1/24"}));
    EXPECT_EQ((*addresses)[1], (InterfaceAddress{3, "fd00::1/64"}));
}

TEST(NetlinkAddressParser, SkipsOtherFamilies) {
    NetlinkMessageBuilder builder;
    const std::array<std::uint8_t, 2> other{1, 2};
    builder.begin(RTM_NEWADDR, addressHeader(AF_PACKET, 0, 3))
        .attribute(IFA_ADDRESS, other)
        .finish();
    const auto addresses = parseAddressMessages(builder.view());
    ASSERT_TRUE(addresses) << addresses.error().message;
    EXPECT_TRUE(addresses->empty());
}

void expectError(std::span<const std::byte> bytes, std::string_view fragment) {
    const std::vector<std::byte> copy(bytes.begin(), bytes.end());
    const auto addresses = parseAddressMessages(copy);
    ASSERT_FALSE(addresses);
    EXPECT_NE(addresses.error().message.find(fragment), std::string::npos)
        << addresses.error().message;
}

TEST(NetlinkAddressParserMalformed, WrongAddressLength) {
    NetlinkMessageBuilder builder;
    const std::array<std::uint8_t, 4> v4{10, 0, 0, 1};
    builder.begin(RTM_NEWADDR, addressHeader(AF_INET6, 64, 3)).attribute(IFA_ADDRESS, v4).finish();
    expectError(builder.view(), "address of 4 bytes, expected 16");
}

TEST(NetlinkAddressParserMalformed, PrefixTooLong) {
    NetlinkMessageBuilder builder;
    const std::array<std::uint8_t, 4> v4{10, 0, 0, 1};
    builder.begin(RTM_NEWADDR, addressHeader(AF_INET, 33, 3)).attribute(IFA_LOCAL, v4).finish();
    expectError(builder.view(), "prefix length 33");
}

TEST(NetlinkAddressParserMalformed, NoAddress) {
    NetlinkMessageBuilder builder;
    builder.begin(RTM_NEWADDR, addressHeader(AF_INET, 24, 3)).finish();
    expectError(builder.view(), "no IFA_LOCAL or IFA_ADDRESS");
}

TEST(NetlinkAddressParserMalformed, TruncatedHeaderAndAttribute) {
    NetlinkMessageBuilder builder;
    const std::array<std::uint8_t, 4> v4{10, 0, 0, 1};
    builder.begin(RTM_NEWADDR, addressHeader(AF_INET, 24, 3)).attribute(IFA_LOCAL, v4).finish();
    auto shortHeader = builder.bytes();
    const std::uint32_t length = sizeof(nlmsghdr) + 4;
    std::memcpy(shortHeader.data(), &length, sizeof(length));
    shortHeader.resize(length);
    expectError(shortHeader, "ifaddrmsg header truncated");

    builder.patchU16(sizeof(nlmsghdr) + sizeof(ifaddrmsg), 64);
    expectError(builder.view(), "does not fit");
}

}  // namespace
}  // namespace netmon::linux_platform
