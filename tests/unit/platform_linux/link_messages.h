// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include <array>
#include <span>
#include <vector>

#include "unit/platform_linux/netlink_message_builder.h"

// RTM_NEWLINK messages as the kernel sends them, for the link parser tests.
namespace netmon::linux_platform::test {

struct LinkSpec {
    const char* name = "eth0";
    int index = 2;
    std::uint16_t hardwareType = ARPHRD_ETHER;
    std::array<std::uint8_t, 6> mac{0x02, 0xAB, 0xcd, 0x00, 0x10, 0xFF};
    std::uint8_t operState = IF_OPER_UP;
    const char* linkKind = nullptr;
};

inline rtnl_link_stats64 sampleStats() {
    rtnl_link_stats64 stats{};
    stats.rx_packets = 11;
    stats.tx_packets = 22;
    stats.rx_bytes = 0x1'0000'0001ULL;  // above 32 bits on purpose
    stats.tx_bytes = 4444;
    stats.rx_errors = 5;
    stats.tx_errors = 6;
    stats.rx_dropped = 7;
    stats.tx_dropped = 8;
    return stats;
}

inline void addLink(NetlinkMessageBuilder& builder, const LinkSpec& spec) {
    ifinfomsg header{};
    header.ifi_family = AF_UNSPEC;
    header.ifi_type = spec.hardwareType;
    header.ifi_index = spec.index;
    builder.begin(RTM_NEWLINK, header)
        .stringAttribute(IFLA_IFNAME, spec.name)
        .attribute(IFLA_ADDRESS, spec.mac)
        .attribute(IFLA_OPERSTATE, spec.operState)
        .attribute(IFLA_STATS64, sampleStats());
    if (spec.linkKind != nullptr) {
        builder.beginNested(IFLA_LINKINFO)
            .stringAttribute(IFLA_INFO_KIND, spec.linkKind)
            .endNested();
    }
    builder.finish();
}

inline std::vector<std::byte> exactCopy(std::span<const std::byte> bytes) {
    // A buffer of exactly this size, so a sanitizer build catches any read past it.
    return {bytes.begin(), bytes.end()};
}

}  // namespace netmon::linux_platform::test
