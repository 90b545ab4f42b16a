// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstring>
#include <string>

#include "core/model/interface_stat.h"
#include "core/result.h"
#include "platform/linux/netlink_view.h"

namespace netmon::linux_platform {

// Copies the counters out of an rtnl_link_stats64 (or the 32-bit rtnl_link_stats) attribute.
// Only the first eight fields (rx/tx packets, bytes, errors, drops) are required: older kernels
// send a shorter struct than today's headers describe.
template <typename Stats>
Result<InterfaceCounters> readLinkCounters(ByteSpan bytes, const char* what) {
    using Field = decltype(Stats{}.rx_bytes);
    constexpr std::size_t kFieldsUsed = 8;
    if (bytes.size() < kFieldsUsed * sizeof(Field)) {
        return fail(std::string("malformed netlink attribute: ") + what + " has " +
                    std::to_string(bytes.size()) + " bytes");
    }
    Stats stats{};
    std::memcpy(&stats, bytes.data(), std::min(bytes.size(), sizeof(stats)));
    InterfaceCounters counters;
    counters.rxBytes = stats.rx_bytes;
    counters.txBytes = stats.tx_bytes;
    counters.rxPackets = stats.rx_packets;
    counters.txPackets = stats.tx_packets;
    counters.rxErrors = stats.rx_errors;
    counters.txErrors = stats.tx_errors;
    counters.rxDrops = stats.rx_dropped;
    counters.txDrops = stats.tx_dropped;
    return counters;
}

}  // namespace netmon::linux_platform
