// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/interface_stat.h"

namespace netmon::linux_platform {

// Look-ups in /sys/class/net/<name>/ for what netlink does not say. sysfs shows the network
// namespace it was mounted in; `ip netns exec` remounts it, a bare setns() does not.

// The attribute's text without the trailing newline; nullopt when it cannot be read (the
// interface went away, or the driver answers EINVAL as it does for `speed` on a link that is
// down).
std::optional<std::string> readNetAttribute(std::string_view name, std::string_view attribute);

// Wi-Fi drivers register a `wireless` directory (wext) or a `phy80211` link (cfg80211).
bool isWirelessInterface(std::string_view name);

// Whether a bus device (PCI, USB, virtio, …) backs the link; software links have none.
bool hasDevice(std::string_view name);

// Link speed in Mbit/s when the driver knows it; "-1", EINVAL, 0 and junk mean unknown.
std::optional<std::uint64_t> readLinkSpeedMbps(std::string_view name);

// Marks Ethernet-typed Wi-Fi links as Wireless and fills speedMbps for real (non-virtual)
// links; virtual ones report made-up speeds (veth 10000, tun 10), so they are left empty.
void addSysfsDetails(std::vector<InterfaceStat>& interfaces);

}  // namespace netmon::linux_platform
