// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include "core/model/interface_stat.h"
#include "core/result.h"
#include "platform/linux/netlink_change_monitor.h"
#include "platform/linux/netlink_socket.h"

namespace netmon::linux_platform {

// Reads every interface over rtnetlink.
//
// A full reading is an RTM_GETLINK dump (identity and IFLA_STATS64 counters together), an
// RTM_GETADDR dump, and sysfs for Wi-Fi and link speed. That costs ~1.7 µs per link, so the
// result is kept, and while no link or address notification arrives a reading is only an
// RTM_GETSTATS dump of the counters (~0.12 µs per link) laid over the kept identities.
// Notifications are checked before and after that dump, and a different set of interface
// indexes also forces a full reading, so counters are never paired with a stale identity.
class NetlinkInterfaceReader {
public:
    static Result<NetlinkInterfaceReader> open();
    Result<std::vector<InterfaceStat>> read();

private:
    NetlinkInterfaceReader(NetlinkSocket socket, std::optional<NetlinkChangeMonitor> changes)
        : m_socket(std::move(socket)), m_changes(std::move(changes)) {}

    Result<std::vector<InterfaceStat>> readFull();
    // nullopt when the kept identities no longer fit and a full reading is needed.
    Result<std::optional<std::vector<InterfaceStat>>> readCountersOnly();
    bool changedSinceLastLook();

    NetlinkSocket m_socket;
    std::optional<NetlinkChangeMonitor> m_changes;  // none: every reading is full
    std::vector<InterfaceStat> m_known;             // identities from the last full reading
    bool m_knownValid = false;
    // RTM_GETSTATS arrived in Linux 4.7; after a few failures in a row, stop asking.
    int m_statsFailures = 0;
    static constexpr int kMaxStatsFailures = 3;
};

}  // namespace netmon::linux_platform
