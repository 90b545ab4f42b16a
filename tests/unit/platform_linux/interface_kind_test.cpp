// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/interface_kind.h"

#include <gtest/gtest.h>
#include <linux/if_arp.h>

namespace netmon::linux_platform {
namespace {

struct Case {
    const char* name;
    const char* linkKind;
    std::uint16_t hardwareType;
    InterfaceKind kind;
    bool isVirtual;
};

class ClassifyInterface : public testing::TestWithParam<Case> {};

TEST_P(ClassifyInterface, Decides) {
    const Case& c = GetParam();
    EXPECT_EQ(classifyInterface(c.name, c.linkKind, c.hardwareType),
              (KindInfo{c.kind, c.isVirtual}))
        << c.name << " kind '" << c.linkKind << "' type " << c.hardwareType;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ClassifyInterface,
    testing::Values(Case{"lo", "", ARPHRD_LOOPBACK, InterfaceKind::Loopback, true},
                    Case{"lo", "", kUnknownHardwareType, InterfaceKind::Loopback, true},
                    Case{"eth0", "", ARPHRD_ETHER, InterfaceKind::Ethernet, false},
                    Case{"enp3s0", "", ARPHRD_ETHER, InterfaceKind::Ethernet, false},
                    Case{"wlan0", "", ARPHRD_IEEE80211_RADIOTAP, InterfaceKind::Wireless, false},
                    Case{"veth1a2b", "veth", ARPHRD_ETHER, InterfaceKind::Veth, true},
                    Case{"nmt0", "veth", ARPHRD_ETHER, InterfaceKind::Veth, true},
                    Case{"veth9", "", ARPHRD_ETHER, InterfaceKind::Veth, true},  // /proc fallback
                    Case{"br0", "bridge", ARPHRD_ETHER, InterfaceKind::Bridge, true},
                    Case{"docker0", "bridge", ARPHRD_ETHER, InterfaceKind::Container, true},
                    Case{"br-5f0c1e", "bridge", ARPHRD_ETHER, InterfaceKind::Container, true},
                    Case{"virbr0", "bridge", ARPHRD_ETHER, InterfaceKind::Container, true},
                    Case{"cni0", "bridge", ARPHRD_ETHER, InterfaceKind::Container, true},
                    Case{"podman1", "bridge", ARPHRD_ETHER, InterfaceKind::Container, true},
                    Case{"vnet3", "tun", ARPHRD_ETHER, InterfaceKind::Container, true},
                    Case{"tun0", "tun", ARPHRD_NONE, InterfaceKind::Tunnel, true},
                    Case{"wg0", "wireguard", ARPHRD_NONE, InterfaceKind::Tunnel, true},
                    Case{"gre1", "gre", ARPHRD_IPGRE, InterfaceKind::Tunnel, true},
                    Case{"sit0", "sit", ARPHRD_SIT, InterfaceKind::Tunnel, true},
                    Case{"tunl0", "ipip", ARPHRD_TUNNEL, InterfaceKind::Tunnel, true},
                    Case{"vxlan100", "vxlan", ARPHRD_ETHER, InterfaceKind::Tunnel, true},
                    Case{"tun0", "", ARPHRD_NONE, InterfaceKind::Tunnel, true},
                    Case{"wg1", "", kUnknownHardwareType, InterfaceKind::Tunnel, true},
                    Case{"bond0", "bond", ARPHRD_ETHER, InterfaceKind::Bond, false},
                    Case{"eth0.100", "vlan", ARPHRD_ETHER, InterfaceKind::Vlan, false},
                    Case{"macvlan0", "macvlan", ARPHRD_ETHER, InterfaceKind::Other, true},
                    Case{"dummy0", "dummy", ARPHRD_ETHER, InterfaceKind::Other, true},
                    Case{"ifb0", "ifb", ARPHRD_ETHER, InterfaceKind::Other, true},
                    // Unknown software kinds stay visible: hiding a real uplink would be worse.
                    Case{"x0", "somethingnew", ARPHRD_ETHER, InterfaceKind::Other, false},
                    Case{"ppp0", "", ARPHRD_PPP, InterfaceKind::Other, false}));

}  // namespace
}  // namespace netmon::linux_platform
