// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/interface_stat.h"

#include "core/enum_names.h"

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

std::optional<OperState> parseOperState(std::string_view text) {
    return enumFromName(
        text, {OperState::Unknown, OperState::NotPresent, OperState::Down,
               OperState::LowerLayerDown, OperState::Testing, OperState::Dormant, OperState::Up});
}

std::optional<InterfaceKind> parseInterfaceKind(std::string_view text) {
    return enumFromName(text, {InterfaceKind::Ethernet, InterfaceKind::Wireless,
                               InterfaceKind::Loopback, InterfaceKind::Veth, InterfaceKind::Bridge,
                               InterfaceKind::Tunnel, InterfaceKind::Container, InterfaceKind::Bond,
                               InterfaceKind::Vlan, InterfaceKind::Other});
}

}  // namespace netmon
