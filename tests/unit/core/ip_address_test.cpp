// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ip_address.h"

#include <gtest/gtest.h>

#include <cstring>
#include <unordered_set>

#include "core/model/flow_key.h"

namespace netmon {
namespace {

IpAddress parsed(const char* text) {
    const auto address = IpAddress::parse(text);
    EXPECT_TRUE(address) << text;
    return address.value_or(IpAddress{});
}

TEST(IpAddress, Ipv4RoundTrips) {
    const IpAddress address = parsed("192.0.2.254");
    EXPECT_TRUE(address.isV4());
    EXPECT_EQ(address.toString(), "192.0.2.254");
    EXPECT_EQ(address.bytes()[0], 192);
    EXPECT_EQ(address.bytes()[3], 254);
}

TEST(IpAddress, FromNetworkOrderKeepsByteOrder) {
    std::uint32_t networkOrder = 0;
    const std::uint8_t bytes[4] = {127, 0, 0, 1};
    std::memcpy(&networkOrder, bytes, 4);
    EXPECT_EQ(IpAddress::v4FromNetworkOrder(networkOrder).toString(), "127.0.0.1");
}

TEST(IpAddress, Ipv6IsPrintedAsRfc5952) {
    EXPECT_EQ(parsed("2001:0DB8:0000:0000:0000:0000:0000:0001").toString(), "2001:db8::1");
    EXPECT_EQ(parsed("::").toString(), "::");
    EXPECT_EQ(parsed("::1").toString(), "::1");
    EXPECT_EQ(parsed("fe80::").toString(), "fe80::");
    // A single zero word is not shortened; the first of two equal runs is.
    EXPECT_EQ(parsed("2001:db8:0:1:1:1:1:1").toString(), "2001:db8:0:1:1:1:1:1");
    EXPECT_EQ(parsed("2001:0:0:1:0:0:0:1").toString(), "2001:0:0:1::1");
    EXPECT_EQ(parsed("2001:db8:0:0:1:0:0:1").toString(), "2001:db8::1:0:0:1");
}

TEST(IpAddress, V4MappedAddresses) {
    const IpAddress mapped = parsed("::ffff:198.51.100.7");
    EXPECT_TRUE(mapped.isV6());
    EXPECT_TRUE(mapped.isV4Mapped());
    EXPECT_EQ(mapped.toString(), "::ffff:198.51.100.7");
    EXPECT_EQ(mapped.unmapped(), parsed("198.51.100.7"));
    EXPECT_TRUE(parsed("::ffff:127.0.0.1").isLoopback());
}

TEST(IpAddress, RefusesMalformedText) {
    for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4.", ".1.2.3.4", "1..2.3",
                            "a.b.c.d", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::g",
                            "1:2:3:4:5:6:7::8:9", ":::", "::ffff:1.2.3"}) {
        EXPECT_FALSE(IpAddress::parse(bad)) << bad;
    }
}

TEST(IpAddress, LoopbackAndUnspecified) {
    EXPECT_TRUE(parsed("127.3.2.1").isLoopback());
    EXPECT_TRUE(parsed("::1").isLoopback());
    EXPECT_FALSE(parsed("::2").isLoopback());
    EXPECT_TRUE(parsed("0.0.0.0").isUnspecified());
    EXPECT_TRUE(parsed("::").isUnspecified());
    EXPECT_FALSE(IpAddress{}.isUnspecified());
}

TEST(IpAddress, MaskingKeepsTheNetworkPart) {
    EXPECT_EQ(parsed("203.0.113.77").masked().toString(), "203.0.113.0");
    EXPECT_EQ(parsed("2001:db8:abcd:12::99").masked().toString(), "2001:db8:abcd::");
    EXPECT_EQ(parsed("::ffff:203.0.113.77").masked().toString(), "::ffff:203.0.113.0");
}

TEST(IpAddress, OrderingAndHashingSeparateFamilies) {
    const IpAddress v4 = parsed("0.0.0.1");
    const IpAddress v6 = parsed("::1");
    EXPECT_NE(v4, v6);
    std::unordered_set<IpAddress, IpAddressHash> set{v4, v6, parsed("0.0.0.1")};
    EXPECT_EQ(set.size(), 2U);
}

TEST(FlowKey, PrintsEndpointsWithBracketsForIpv6) {
    FlowKey key;
    key.protocol = Protocol::Tcp;
    key.localAddress = parsed("192.0.2.1");
    key.localPort = 443;
    key.remoteAddress = parsed("2001:db8::1");
    key.remotePort = 51000;
    EXPECT_EQ(key.toString(), "tcp 192.0.2.1:443 -> [2001:db8::1]:51000");
    FlowKey other = key;
    other.remotePort = 51001;
    EXPECT_NE(FlowKeyHash{}(key), FlowKeyHash{}(other));
    EXPECT_LT(key, other);
}

}  // namespace
}  // namespace netmon
