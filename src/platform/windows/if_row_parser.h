// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/interface_stat.h"
#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {

struct AdapterKind {
    InterfaceKind kind = InterfaceKind::Other;
    bool isVirtual = false;

    friend bool operator==(const AdapterKind&, const AdapterKind&) = default;
};

// What sort of adapter a GetIfTable2 row is, and whether tables hide it by default, as Task
// Manager does: NDIS filter-module rows ("Ethernet-WFP Native MAC Layer LightWeight
// Filter-0000", "…-QoS Packet Scheduler-0000", which repeat their adapter's counters) and
// software pseudo-adapters (loopback, ISATAP/Teredo tunnels, WAN Miniports, Hyper-V vEthernet,
// VPN adapters) are hidden; `--all` shows them. Wi-Fi, Ethernet, Hyper-V and VPN adapters are
// told apart by interface type and, where the type is plain Ethernet, by the driver's
// description. Unknown hardware counts as real: hiding a real uplink is the worse mistake.
AdapterKind classifyAdapter(IFTYPE type, bool hardwareInterface, bool filterInterface,
                            std::wstring_view description);

// One GetIfTable2 row as core's InterfaceStat: alias as name, 64-bit counters (packets are
// unicast + non-unicast), operational state, link speed, MAC. Addresses are added by the caller.
InterfaceStat interfaceFromRow(const MIB_IF_ROW2& row);

OperState operStateFrom(IF_OPER_STATUS status);

// "aa:bb:cc:dd:ee:ff"; empty when the adapter has no hardware address (loopback, tunnels).
std::string macText(const UCHAR* address, ULONG length);

// "192.0.2.1/24", "fe80::1/64" for a GetUnicastIpAddressTable row; nothing for other families.
std::optional<std::string> addressText(const MIB_UNICASTIPADDRESS_ROW& row);

// Link speed in Mbit/s; nothing where Windows says it does not know (0 or all ones).
std::optional<std::uint64_t> speedMbps(ULONG64 bitsPerSecond);

}  // namespace netmon::windows_platform
