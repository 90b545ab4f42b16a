// SPDX-License-Identifier: GPL-3.0-or-later
// Display names of the model's enums, shared by the CLI's JSON and tables and the GUI.
#include "core/model/flow_key.h"
#include "core/model/flow_stat.h"
#include "core/model/interface_stat.h"
#include "core/model/snapshot.h"

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

std::string_view toString(Protocol protocol) {
    switch (protocol) {
        case Protocol::Tcp:
            return "tcp";
        case Protocol::Udp:
            return "udp";
        case Protocol::Icmp:
            return "icmp";
        case Protocol::Icmpv6:
            return "icmpv6";
        case Protocol::Other:
            break;
    }
    return "other";
}

std::string_view toString(OwnerVisibility visibility) {
    switch (visibility) {
        case OwnerVisibility::Known:
            return "known";
        case OwnerVisibility::NeedsAdmin:
            return "needs-admin";
        case OwnerVisibility::NoOwner:
            break;
    }
    return "none";
}

bool isActive(const FlowStat& flow) {
    return !flow.listening && flow.state != "TIME_WAIT" && flow.state != "CLOSE";
}

std::string_view toString(MonitoringMode mode) {
    return mode == MonitoringMode::Deep ? "deep" : "basic";
}

}  // namespace netmon
