// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/if_row_parser.h"

#include <algorithm>
#include <array>
#include <cwctype>

#include "core/model/ip_address.h"
#include "platform/windows/wide_text.h"

namespace netmon::windows_platform {
namespace {

// IANA ifType numbers (ipifcons.h), spelled out for the ones MinGW's headers may lack.
constexpr IFTYPE kTypeEthernet = 6;
constexpr IFTYPE kTypePpp = 23;
constexpr IFTYPE kTypeLoopback = 24;
constexpr IFTYPE kTypePropVirtual = 53;  // WireGuard, Wintun and other software adapters
constexpr IFTYPE kTypeWifi = 71;
constexpr IFTYPE kTypeTunnel = 131;  // ISATAP, Teredo, 6to4, IP-HTTPS

bool contains(std::wstring_view text, std::wstring_view part) {
    const auto lower = [](wchar_t c) { return static_cast<wchar_t>(std::towlower(c)); };
    return std::search(text.begin(), text.end(), part.begin(), part.end(),
                       [&](wchar_t a, wchar_t b) { return lower(a) == lower(b); }) != text.end();
}

template <std::size_t N>
bool containsAny(std::wstring_view text, const std::array<std::wstring_view, N>& parts) {
    return std::any_of(parts.begin(), parts.end(),
                       [text](std::wstring_view part) { return contains(text, part); });
}

// Drivers whose adapters are VPN ends even though they say they are Ethernet.
constexpr std::array<std::wstring_view, 7> kVpnDrivers{
    L"TAP-Windows", L"WireGuard", L"Wintun", L"VPN", L"AnyConnect", L"Fortinet", L"OpenVPN"};
// Host ends of virtual switches: Hyper-V (vEthernet), VirtualBox, VMware.
constexpr std::array<std::wstring_view, 4> kVirtualSwitchDrivers{
    L"Hyper-V Virtual", L"VirtualBox", L"VMware Virtual", L"Container NIC"};

}  // namespace

AdapterKind classifyAdapter(IFTYPE type, bool hardwareInterface, bool filterInterface,
                            std::wstring_view description) {
    AdapterKind result;
    switch (type) {
        case kTypeLoopback:
            return {InterfaceKind::Loopback, true};
        case kTypeTunnel:
        case kTypePpp:
        case kTypePropVirtual:
            return {InterfaceKind::Tunnel, true};
        case kTypeWifi:
            result.kind = InterfaceKind::Wireless;
            break;
        case kTypeEthernet:
            if (containsAny(description, kVpnDrivers)) {
                return {InterfaceKind::Tunnel, true};
            }
            if (containsAny(description, kVirtualSwitchDrivers)) {
                return {InterfaceKind::Container, true};
            }
            result.kind = InterfaceKind::Ethernet;
            break;
        default:
            result.kind = InterfaceKind::Other;
            break;
    }
    // Filter modules repeat their adapter's traffic; software adapters (WAN Miniports, Wi-Fi
    // Direct) carry none of their own that the real adapter does not count too.
    result.isVirtual = filterInterface || !hardwareInterface;
    return result;
}

OperState operStateFrom(IF_OPER_STATUS status) {
    switch (status) {
        case IfOperStatusUp:
            return OperState::Up;
        case IfOperStatusDown:
            return OperState::Down;
        case IfOperStatusTesting:
            return OperState::Testing;
        case IfOperStatusDormant:
            return OperState::Dormant;
        case IfOperStatusNotPresent:
            return OperState::NotPresent;
        case IfOperStatusLowerLayerDown:
            return OperState::LowerLayerDown;
        case IfOperStatusUnknown:
            break;
    }
    return OperState::Unknown;
}

std::string macText(const UCHAR* address, ULONG length) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    const ULONG used = std::min<ULONG>(length, IF_MAX_PHYS_ADDRESS_LENGTH);
    bool allZero = true;
    for (ULONG i = 0; i < used; ++i) {
        text += i == 0 ? "" : ":";
        text += kHex[address[i] >> 4U];
        text += kHex[address[i] & 0x0FU];
        allZero = allZero && address[i] == 0;
    }
    return allZero ? std::string() : text;
}

std::optional<std::uint64_t> speedMbps(ULONG64 bitsPerSecond) {
    if (bitsPerSecond == 0 || bitsPerSecond == ~ULONG64{0}) {
        return std::nullopt;
    }
    return bitsPerSecond / 1'000'000U;
}

std::optional<std::string> addressText(const MIB_UNICASTIPADDRESS_ROW& row) {
    IpAddress address;
    if (row.Address.si_family == AF_INET) {
        std::array<std::uint8_t, 4> bytes{};
        std::copy_n(reinterpret_cast<const std::uint8_t*>(&row.Address.Ipv4.sin_addr), 4,
                    bytes.begin());
        address = IpAddress::v4(bytes);
    } else if (row.Address.si_family == AF_INET6) {
        std::array<std::uint8_t, 16> bytes{};
        std::copy_n(reinterpret_cast<const std::uint8_t*>(&row.Address.Ipv6.sin6_addr), 16,
                    bytes.begin());
        address = IpAddress::v6(bytes);
    } else {
        return std::nullopt;
    }
    return address.toString() + "/" + std::to_string(row.OnLinkPrefixLength);
}

InterfaceStat interfaceFromRow(const MIB_IF_ROW2& row) {
    InterfaceStat stat;
    stat.name = toUtf8(row.Alias, IF_MAX_STRING_SIZE + 1);
    stat.index = row.InterfaceIndex;
    stat.mac = macText(row.PhysicalAddress, row.PhysicalAddressLength);
    stat.state = operStateFrom(row.OperStatus);
    const std::wstring_view description(
        row.Description,
        std::find(row.Description, row.Description + IF_MAX_STRING_SIZE + 1, L'\0') -
            row.Description);
    const AdapterKind kind =
        classifyAdapter(row.Type, row.InterfaceAndOperStatusFlags.HardwareInterface != 0,
                        row.InterfaceAndOperStatusFlags.FilterInterface != 0, description);
    stat.kind = kind.kind;
    stat.isVirtual = kind.isVirtual;
    stat.speedMbps = speedMbps(row.ReceiveLinkSpeed);
    if (!stat.speedMbps) {
        stat.speedMbps = speedMbps(row.TransmitLinkSpeed);
    }
    stat.counters.rxBytes = row.InOctets;
    stat.counters.txBytes = row.OutOctets;
    stat.counters.rxPackets = row.InUcastPkts + row.InNUcastPkts;
    stat.counters.txPackets = row.OutUcastPkts + row.OutNUcastPkts;
    stat.counters.rxErrors = row.InErrors;
    stat.counters.txErrors = row.OutErrors;
    stat.counters.rxDrops = row.InDiscards;
    stat.counters.txDrops = row.OutDiscards;
    stat.counterBits = 64;
    return stat;
}

}  // namespace netmon::windows_platform
