// SPDX-License-Identifier: GPL-3.0-or-later
// reverseLookup() through the system resolver: /etc/hosts names loopback everywhere.
#include "platform/reverse_lookup.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

TEST(ReverseLookup, LoopbackHasTheNameFromTheHostsFile) {
    const auto name = reverseLookup(IpAddress::v4({127, 0, 0, 1}));
    ASSERT_TRUE(name) << name.error().describe();
    EXPECT_FALSE(name->empty());
    EXPECT_NE(*name, "127.0.0.1") << "NI_NAMEREQD: a name, never the address's own text";
}

TEST(ReverseLookup, V4MappedAddressIsLookedUpAsIpv4) {
    const auto plain = reverseLookup(IpAddress::v4({127, 0, 0, 1}));
    const auto mapped = reverseLookup(*IpAddress::parse("::ffff:127.0.0.1"));
    ASSERT_TRUE(plain && mapped) << (mapped ? "" : mapped.error().describe());
    EXPECT_EQ(*mapped, *plain);
}

TEST(ReverseLookup, AddressWithoutNameIsAnError) {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): no PTR record anywhere.
    const auto name = reverseLookup(IpAddress::v4({192, 0, 2, 1}));
    ASSERT_FALSE(name) << *name;
    EXPECT_NE(name.error().message.find("192.0.2.1"), std::string::npos) << name.error().message;
    EXPECT_FALSE(reverseLookup(IpAddress{}));
}

}  // namespace
}  // namespace netmon
