// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_stats_parser.h"

#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "platform/linux/netlink_counters.h"

namespace netmon::linux_platform {

Result<std::vector<IndexedCounters>> parseStatsMessages(ByteSpan bytes) {
    auto messages = splitMessages(bytes);
    if (!messages) {
        return tl::unexpected(messages.error());
    }
    std::vector<IndexedCounters> result;
    result.reserve(messages->size());
    AttributeTable attributes(IFLA_STATS_MAX + 1);
    for (const NetlinkMessage& message : *messages) {
        if (message.type != RTM_NEWSTATS) {
            continue;
        }
        auto body = afterHeader(message.payload, sizeof(if_stats_msg), "if_stats_msg");
        const auto header = readStruct<if_stats_msg>(message.payload);
        if (!body || !header) {
            return fail(body ? "malformed RTM_NEWSTATS" : body.error().message);
        }
        if (auto parsed = parseAttributes(*body, attributes); !parsed) {
            return fail(parsed.error().message + " (in RTM_NEWSTATS)");
        }
        if (!attributes[IFLA_STATS_LINK_64]) {
            return fail("malformed RTM_NEWSTATS: no IFLA_STATS_LINK_64 for index " +
                        std::to_string(header->ifindex));
        }
        auto counters = readLinkCounters<rtnl_link_stats64>(*attributes[IFLA_STATS_LINK_64],
                                                            "IFLA_STATS_LINK_64");
        if (!counters) {
            return tl::unexpected(counters.error());
        }
        result.push_back(IndexedCounters{header->ifindex, *counters});
    }
    return result;
}

}  // namespace netmon::linux_platform
