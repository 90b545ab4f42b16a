// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_status_parser.h"

#include <gtest/gtest.h>

#include "platform/linux/proc_mounts_parser.h"

namespace netmon::linux_platform {
namespace {

TEST(CapEffParser, ReadsTheEffectiveSet) {
    const auto caps = parseEffectiveCapabilities(
        "Name:\tnetmon\nCapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\n"
        "CapEff:\t000001fffeffffff\nCapBnd:\t000001ffffffffff\n");
    ASSERT_TRUE(caps) << caps.error().message;
    EXPECT_EQ(*caps, 0x000001fffeffffffULL);
    EXPECT_TRUE(hasCapability(*caps, 39));   // CAP_BPF
    EXPECT_TRUE(hasCapability(*caps, 12));   // CAP_NET_ADMIN
    EXPECT_FALSE(hasCapability(*caps, 24));  // the cleared bit
    EXPECT_FALSE(hasCapability(*caps, 41));
    EXPECT_FALSE(hasCapability(*caps, 64));
}

TEST(CapEffParser, SetcapBinary) {
    // cap_net_admin,cap_net_raw,cap_perfmon,cap_bpf = bits 12, 13, 38, 39.
    const auto caps = parseEffectiveCapabilities("CapEff:\t000000c000003000");
    ASSERT_TRUE(caps) << caps.error().message;
    EXPECT_EQ(*caps, (1ULL << 12) | (1ULL << 13) | (1ULL << 38) | (1ULL << 39));
}

TEST(CapEffParser, UnprivilegedIsZero) {
    const auto caps =
        parseEffectiveCapabilities("CapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n");
    ASSERT_TRUE(caps);
    EXPECT_EQ(*caps, 0U);
}

TEST(CapEffParser, MalformedIsAnError) {
    EXPECT_FALSE(parseEffectiveCapabilities(""));
    EXPECT_FALSE(parseEffectiveCapabilities("CapPrm:\t00000000000000ff\n"));
    EXPECT_FALSE(parseEffectiveCapabilities("CapEff:\t\n"));
    EXPECT_FALSE(parseEffectiveCapabilities("CapEff:\t00000000000000zz\n"));
    EXPECT_FALSE(parseEffectiveCapabilities("CapEff:\t-1\n"));
    EXPECT_FALSE(parseEffectiveCapabilities("CapEff:\t10000000000000000\n"));  // 17 digits
    // A mention inside another line is not the CapEff line.
    EXPECT_FALSE(parseEffectiveCapabilities("Name:\tCapEff:\t00ff\n"));
}

TEST(ProcMountsParser, FindsBpffs) {
    constexpr std::string_view mounts =
        "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n"
        "bpf /sys/fs/bpf bpf rw,nosuid,nodev,noexec,relatime,mode=700 0 0\n";
    EXPECT_TRUE(hasMount(mounts, "/sys/fs/bpf", "bpf"));
    EXPECT_FALSE(hasMount(mounts, "/sys/fs/bpf", "tmpfs"));
    EXPECT_FALSE(hasMount("none /sys/fs/bpf\\040x bpf rw 0 0\n", "/sys/fs/bpf", "bpf"));
    EXPECT_FALSE(hasMount("", "/sys/fs/bpf", "bpf"));
    EXPECT_FALSE(hasMount("garbage\n\n  \n", "/sys/fs/bpf", "bpf"));
}

}  // namespace
}  // namespace netmon::linux_platform
