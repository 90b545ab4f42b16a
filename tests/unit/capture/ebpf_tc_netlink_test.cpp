// SPDX-License-Identifier: GPL-3.0-or-later
// A tc filter dump, written byte by byte as the kernel lays it out: each filter's handle,
// priority, protocol, kind, name and program id; the per-priority header entries left out;
// broken messages an error, never a guess.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include "capture/ebpf/tc_netlink.h"
#include "unit/platform_linux/netlink_message_builder.h"

namespace netmon::capture {
namespace {

tcmsg filterHeader(std::uint32_t handle, std::uint16_t priority, std::uint16_t protocol) {
    tcmsg header{};
    header.tcm_ifindex = 7;
    header.tcm_parent = TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_INGRESS);
    header.tcm_handle = handle;
    header.tcm_info = TC_H_MAKE(static_cast<std::uint32_t>(priority) << 16, htons(protocol));
    return header;
}

void addBpfFilter(NetlinkMessageBuilder& builder, std::uint32_t handle, const char* name,
                  std::uint32_t programId) {
    builder.begin(RTM_NEWTFILTER, filterHeader(handle, 1, ETH_P_ALL))
        .stringAttribute(TCA_KIND, "bpf");
    builder.beginNested(TCA_OPTIONS)
        .stringAttribute(TCA_BPF_NAME, name)
        .attribute(TCA_BPF_ID, programId)
        .attribute(TCA_BPF_FLAGS, std::uint32_t{TCA_BPF_FLAG_ACT_DIRECT})
        .endNested()
        .finish();
}

TEST(TcFilterDump, ReadsEachFilterAndSkipsThePriorityHeaders) {
    NetlinkMessageBuilder builder;
    // The entry a dump gives each priority before its filters: no handle, no options.
    builder.begin(RTM_NEWTFILTER, filterHeader(0, 1, ETH_P_ALL))
        .stringAttribute(TCA_KIND, "bpf")
        .finish();
    addBpfFilter(builder, 1, "netmon_in_eth:pid=9,start=8,pidns=7,instance=1", 901);
    addBpfFilter(builder, 2, "cilium", 902);
    builder.begin(RTM_NEWTFILTER, filterHeader(0x800, 3, ETH_P_IP))
        .stringAttribute(TCA_KIND, "u32")
        .finish();

    const auto filters = parseTcFilters(builder.view());
    ASSERT_TRUE(filters) << filters.error().message;
    ASSERT_EQ(filters->size(), 3u);
    const TcFilter& ours = (*filters)[0];
    EXPECT_EQ(ours.handle, 1u);
    EXPECT_EQ(ours.priority, 1u);
    EXPECT_EQ(ours.protocol, ETH_P_ALL);
    EXPECT_EQ(ours.kind, "bpf");
    EXPECT_EQ(ours.name, "netmon_in_eth:pid=9,start=8,pidns=7,instance=1");
    EXPECT_EQ(ours.programId, 901u);
    EXPECT_EQ((*filters)[1].name, "cilium");
    const TcFilter& other = (*filters)[2];
    EXPECT_EQ(other.handle, 0x800u);
    EXPECT_EQ(other.priority, 3u);
    EXPECT_EQ(other.protocol, ETH_P_IP);
    EXPECT_EQ(other.kind, "u32");
    EXPECT_EQ(other.name, "");
    EXPECT_FALSE(other.programId);
}

TEST(TcFilterDump, ANameWithoutItsNulIsAnError) {
    NetlinkMessageBuilder builder;
    builder.begin(RTM_NEWTFILTER, filterHeader(1, 1, ETH_P_ALL)).stringAttribute(TCA_KIND, "bpf");
    const char name[] = {'n', 'e', 't', 'm'};
    builder.beginNested(TCA_OPTIONS)
        .attribute(TCA_BPF_NAME, name, sizeof name)
        .endNested()
        .finish();
    EXPECT_FALSE(parseTcFilters(builder.view()));
}

TEST(TcFilterDump, ATruncatedMessageIsAnError) {
    NetlinkMessageBuilder builder;
    addBpfFilter(builder, 1, "netmon_in_eth:pid=9,start=8,pidns=7,instance=1", 901);
    builder.bytes().resize(builder.bytes().size() - 6);
    EXPECT_FALSE(parseTcFilters(builder.view()));
    // An option whose length runs past the message.
    NetlinkMessageBuilder overlong;
    addBpfFilter(overlong, 1, "x", 1);
    const std::size_t optionsAt = overlong.messageStart() + sizeof(nlmsghdr) +
                                  NLMSG_ALIGN(sizeof(tcmsg)) + NLA_ALIGN(sizeof(nlattr) + 4);
    overlong.patchU16(optionsAt, 4000);
    EXPECT_FALSE(parseTcFilters(overlong.view()));
}

TEST(TcFilterDump, HandlesAreWrittenAsTcDoes) {
    EXPECT_EQ(hexText(0x4e4d), "0x4e4d");
    EXPECT_EQ(hexText(0), "0x0");
}

}  // namespace
}  // namespace netmon::capture
