// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include "core/model/interface_stat.h"
#include "core/result.h"
#include "platform/linux/netlink_view.h"

namespace netmon::linux_platform {

struct IndexedCounters {
    std::uint32_t index = 0;  // ifindex
    InterfaceCounters counters;
};

// Turns the messages of an RTM_GETSTATS dump filtered to IFLA_STATS_LINK_64 into counters per
// interface index: the cheapest full reading of every link's counters (no names, no state).
// Messages of other types are skipped; a malformed one, or one without IFLA_STATS_LINK_64,
// is an Error, and no byte is read past `bytes`.
Result<std::vector<IndexedCounters>> parseStatsMessages(ByteSpan bytes);

}  // namespace netmon::linux_platform
