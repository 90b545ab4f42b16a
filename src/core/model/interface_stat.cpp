// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/interface_stat.h"

namespace netmon {

std::string_view toString(OperState state) {
    switch (state) {
        case OperState::Up:
            return "up";
        case OperState::Down:
            return "down";
        case OperState::Dormant:
            return "dormant";
        case OperState::LowerLayerDown:
            return "lower-layer-down";
        case OperState::Testing:
            return "testing";
        case OperState::NotPresent:
            return "not-present";
        case OperState::Unknown:
            break;
    }
    return "unknown";
}

std::string_view toString(InterfaceKind kind) {
    switch (kind) {
        case InterfaceKind::Ethernet:
            return "ethernet";
        case InterfaceKind::Wireless:
            return "wireless";
        case InterfaceKind::Loopback:
            return "loopback";
        case InterfaceKind::Veth:
            return "veth";
        case InterfaceKind::Bridge:
            return "bridge";
        case InterfaceKind::Tunnel:
            return "tunnel";
        case InterfaceKind::Container:
            return "container";
        case InterfaceKind::Bond:
            return "bond";
        case InterfaceKind::Vlan:
            return "vlan";
        case InterfaceKind::Other:
            break;
    }
    return "other";
}

}  // namespace netmon
