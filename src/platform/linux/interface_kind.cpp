// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/interface_kind.h"

#include <linux/if_arp.h>

#include <algorithm>
#include <array>
#include <optional>

namespace netmon::linux_platform {
namespace {

template <std::size_t N>
bool isOneOf(std::string_view value, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <std::size_t N>
bool startsWithAny(std::string_view name, const std::array<std::string_view, N>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [name](std::string_view prefix) { return name.starts_with(prefix); });
}

// Bridges and taps that Docker, Podman, libvirt, LXC/LXD/Incus and CNI plugins create.
constexpr std::array<std::string_view, 9> kContainerPrefixes{
    "docker", "br-", "virbr", "cni", "podman", "vnet", "lxcbr", "lxdbr", "incusbr"};

constexpr std::array<std::string_view, 19> kTunnelKinds{
    "tun",    "wireguard", "gre", "gretap",    "ip6gre", "ip6gretap", "erspan",
    "ipip",   "ip6tnl",    "sit", "vti",       "vti6",   "xfrm",      "vxlan",
    "geneve", "bareudp",   "gtp", "ip6erspan", "amt"};

// Software devices with no traffic of their own worth showing by default.
constexpr std::array<std::string_view, 9> kOtherVirtualKinds{
    "dummy", "ifb", "vrf", "nlmon", "macvlan", "macvtap", "ipvlan", "ipvtap", "netdevsim"};

std::optional<KindInfo> fromLinkKind(std::string_view linkKind) {
    if (linkKind == "veth" || linkKind == "netkit") {
        return KindInfo{InterfaceKind::Veth, true};
    }
    if (linkKind == "bridge" || linkKind == "openvswitch") {
        return KindInfo{InterfaceKind::Bridge, true};
    }
    if (linkKind == "bond" || linkKind == "team") {
        return KindInfo{InterfaceKind::Bond, false};
    }
    if (linkKind == "vlan") {
        return KindInfo{InterfaceKind::Vlan, false};
    }
    if (isOneOf(linkKind, kTunnelKinds)) {
        return KindInfo{InterfaceKind::Tunnel, true};
    }
    if (isOneOf(linkKind, kOtherVirtualKinds)) {
        return KindInfo{InterfaceKind::Other, true};
    }
    return std::nullopt;
}

KindInfo fromHardwareType(std::string_view name, std::uint16_t hardwareType) {
    switch (hardwareType) {
        case ARPHRD_ETHER:
            return KindInfo{InterfaceKind::Ethernet, false};
        case ARPHRD_IEEE80211:
        case ARPHRD_IEEE80211_PRISM:
        case ARPHRD_IEEE80211_RADIOTAP:
            return KindInfo{InterfaceKind::Wireless, false};
        case ARPHRD_NONE:  // tun in L3 mode, wireguard
        case ARPHRD_TUNNEL:
        case ARPHRD_TUNNEL6:
        case ARPHRD_SIT:
        case ARPHRD_IPGRE:
        case ARPHRD_IP6GRE:
            return KindInfo{InterfaceKind::Tunnel, true};
        case kUnknownHardwareType:
            break;
        default:
            return KindInfo{InterfaceKind::Other, false};
    }
    // Nothing but the name to go on.
    constexpr std::array<std::string_view, 4> tunnelNames{"tun", "tap", "wg", "tailscale"};
    if (startsWithAny(name, tunnelNames)) {
        return KindInfo{InterfaceKind::Tunnel, true};
    }
    return KindInfo{InterfaceKind::Other, false};
}

}  // namespace

KindInfo classifyInterface(std::string_view name, std::string_view linkKind,
                           std::uint16_t hardwareType) {
    if (hardwareType == ARPHRD_LOOPBACK || (hardwareType == kUnknownHardwareType && name == "lo")) {
        return KindInfo{InterfaceKind::Loopback, true};
    }
    if (linkKind == "veth" || (linkKind.empty() && name.starts_with("veth"))) {
        return KindInfo{InterfaceKind::Veth, true};
    }
    if (startsWithAny(name, kContainerPrefixes)) {
        return KindInfo{InterfaceKind::Container, true};
    }
    if (!linkKind.empty()) {
        if (auto known = fromLinkKind(linkKind)) {
            return *known;
        }
        return KindInfo{InterfaceKind::Other, false};
    }
    return fromHardwareType(name, hardwareType);
}

}  // namespace netmon::linux_platform
