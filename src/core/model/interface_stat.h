// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netmon {

enum class OperState : std::uint8_t {
    Unknown,
    NotPresent,
    Down,
    LowerLayerDown,
    Testing,
    Dormant,
    Up
};

// What sort of link this is, so views can hide loopback and virtual interfaces.
enum class InterfaceKind : std::uint8_t {
    Ethernet,
    Wireless,
    Loopback,
    Veth,
    Bridge,
    Tunnel,     // tun/tap, wireguard, gre, sit, ipip, vpn
    Container,  // docker0, virbr*, cni*, podman*, vnet*
    Bond,
    Vlan,
    Other
};

// "up", "lower-layer-down", "ethernet", "veth"…: as the CLI and the GUI show them.
std::string_view toString(OperState state);
std::string_view toString(InterfaceKind kind);
// The value of a name above; empty for any other text.
std::optional<OperState> parseOperState(std::string_view text);
std::optional<InterfaceKind> parseInterfaceKind(std::string_view text);

// Cumulative counters as the OS gives them (since the interface was created).
struct InterfaceCounters {
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
    std::uint64_t rxErrors = 0;
    std::uint64_t txErrors = 0;
    std::uint64_t rxDrops = 0;
    std::uint64_t txDrops = 0;

    friend bool operator==(const InterfaceCounters&, const InterfaceCounters&) = default;
};

// Traffic over one tick, computed by RateCalculator from two readings.
struct InterfaceTraffic {
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
    double rxBitsPerSecond = 0;
    double txBitsPerSecond = 0;
    double elapsedSeconds = 0;
    bool counterReset = false;  // the counters went backwards: interface reset or re-created

    friend bool operator==(const InterfaceTraffic&, const InterfaceTraffic&) = default;
};

struct InterfaceStat {
    std::string name;
    std::uint32_t index = 0;
    std::string mac;  // "aa:bb:cc:dd:ee:ff", empty when the link has none
    OperState state = OperState::Unknown;
    InterfaceKind kind = InterfaceKind::Other;
    bool isVirtual = false;  // loopback, veth, bridge, tunnel, container: hidden by default
    std::optional<std::uint64_t> speedMbps;  // link speed where the driver reports it
    std::vector<std::string> addresses;      // "192.0.2.1/24", "fe80::1/64"
    InterfaceCounters counters;
    unsigned counterBits = 64;  // 32 where the OS only gives 32-bit counters (they wrap)

    // Empty on the first reading of an interface, and after a failed tick.
    std::optional<InterfaceTraffic> traffic;
};

}  // namespace netmon
