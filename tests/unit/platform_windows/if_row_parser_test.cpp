// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/if_row_parser.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace netmon::windows_platform {
namespace {

// A GetIfTable2 row as Windows 10 reports the adapter in `alias` (values recorded from
// `Get-NetAdapter | Get-NetAdapterStatistics` and MIB_IF_ROW2 dumps; GUIDs and LUIDs left out).
MIB_IF_ROW2 row(const wchar_t* alias, const wchar_t* description, IFTYPE type, bool hardware,
                bool filter = false) {
    MIB_IF_ROW2 r{};
    std::wcsncpy(r.Alias, alias, IF_MAX_STRING_SIZE);
    std::wcsncpy(r.Description, description, IF_MAX_STRING_SIZE);
    r.Type = type;
    r.InterfaceAndOperStatusFlags.HardwareInterface = hardware ? TRUE : FALSE;
    r.InterfaceAndOperStatusFlags.FilterInterface = filter ? TRUE : FALSE;
    r.OperStatus = IfOperStatusUp;
    return r;
}

TEST(IfRowParser, PhysicalEthernetWithCountersPast32Bits) {
    MIB_IF_ROW2 r = row(L"Ethernet", L"Intel(R) Ethernet Connection (7) I219-V", 6, true);
    r.InterfaceIndex = 12;
    const UCHAR mac[6] = {0x3c, 0x7c, 0x3f, 0x0a, 0xb1, 0xe2};
    std::memcpy(r.PhysicalAddress, mac, 6);
    r.PhysicalAddressLength = 6;
    r.ReceiveLinkSpeed = 1'000'000'000;
    r.TransmitLinkSpeed = 1'000'000'000;
    r.InOctets = 0x1'2345'6789ULL;  // past 2^32: 64-bit counters are kept whole
    r.OutOctets = 5'000'000'000ULL;
    r.InUcastPkts = 4'000'000;
    r.InNUcastPkts = 1'234;  // broadcast + multicast count too
    r.OutUcastPkts = 3'000'000;
    r.OutNUcastPkts = 56;
    r.InErrors = 2;
    r.OutErrors = 3;
    r.InDiscards = 4;
    r.OutDiscards = 5;

    const InterfaceStat stat = interfaceFromRow(r);
    EXPECT_EQ(stat.name, "Ethernet");
    EXPECT_EQ(stat.index, 12U);
    EXPECT_EQ(stat.mac, "3c:7c:3f:0a:b1:e2");
    EXPECT_EQ(stat.state, OperState::Up);
    EXPECT_EQ(stat.kind, InterfaceKind::Ethernet);
    EXPECT_FALSE(stat.isVirtual);
    EXPECT_EQ(stat.speedMbps, 1000U);
    EXPECT_EQ(stat.counters.rxBytes, 0x1'2345'6789ULL);
    EXPECT_EQ(stat.counters.txBytes, 5'000'000'000ULL);
    EXPECT_EQ(stat.counters.rxPackets, 4'001'234U);
    EXPECT_EQ(stat.counters.txPackets, 3'000'056U);
    EXPECT_EQ(stat.counters.rxErrors, 2U);
    EXPECT_EQ(stat.counters.txErrors, 3U);
    EXPECT_EQ(stat.counters.rxDrops, 4U);
    EXPECT_EQ(stat.counters.txDrops, 5U);
    EXPECT_EQ(stat.counterBits, 64U);
}

TEST(IfRowParser, NonAsciiAliasBecomesUtf8) {
    const MIB_IF_ROW2 r = row(L"Ethernet 2 – Büro", L"Realtek PCIe GbE Family Controller", 6, true);
    EXPECT_EQ(interfaceFromRow(r).name, "Ethernet 2 \u2013 B\u00fcro");
}

TEST(IfRowParser, AliasWithAnUnpairedSurrogateBecomesValidUtf8) {
    // Windows lets an alias hold half of a surrogate pair; UTF-8 cannot, so it shows as U+FFFD.
    const wchar_t alias[] = {L'L', L'A', L'N', L' ', static_cast<wchar_t>(0xD83D), L'\0'};
    EXPECT_EQ(interfaceFromRow(row(alias, L"Realtek PCIe GbE Family Controller", 6, true)).name,
              "LAN \xEF\xBF\xBD");
}

TEST(IfRowParser, WifiIsWirelessAndShown) {
    const InterfaceStat stat =
        interfaceFromRow(row(L"Wi-Fi", L"Intel(R) Wi-Fi 6 AX201 160MHz", 71, true));
    EXPECT_EQ(stat.kind, InterfaceKind::Wireless);
    EXPECT_FALSE(stat.isVirtual);
}

TEST(IfRowParser, FilterModulesAndPseudoAdaptersAreHidden) {
    // NDIS filter modules repeat their adapter's counters.
    const InterfaceStat filter = interfaceFromRow(
        row(L"Ethernet-WFP Native MAC Layer LightWeight Filter-0000",
            L"Intel(R) Ethernet Connection (7) I219-V-WFP Native MAC Layer LightWeight Filter-0000",
            6, true, true));
    EXPECT_TRUE(filter.isVirtual);
    const InterfaceStat wanMiniport =
        interfaceFromRow(row(L"Local Area Connection* 3", L"WAN Miniport (IP)", 6, false));
    EXPECT_TRUE(wanMiniport.isVirtual);
    const InterfaceStat wifiDirect = interfaceFromRow(
        row(L"Local Area Connection* 1", L"Microsoft Wi-Fi Direct Virtual Adapter", 71, false));
    EXPECT_EQ(wifiDirect.kind, InterfaceKind::Wireless);
    EXPECT_TRUE(wifiDirect.isVirtual);
    const InterfaceStat loopback = interfaceFromRow(
        row(L"Loopback Pseudo-Interface 1", L"Software Loopback Interface 1", 24, false));
    EXPECT_EQ(loopback.kind, InterfaceKind::Loopback);
    EXPECT_TRUE(loopback.isVirtual);
    const InterfaceStat teredo = interfaceFromRow(row(
        L"Teredo Tunneling Pseudo-Interface", L"Teredo Tunneling Pseudo-Interface", 131, false));
    EXPECT_EQ(teredo.kind, InterfaceKind::Tunnel);
    EXPECT_TRUE(teredo.isVirtual);
}

TEST(IfRowParser, HyperVAndVpnAdaptersAreFlaggedByType) {
    const InterfaceStat hyperV = interfaceFromRow(
        row(L"vEthernet (Default Switch)", L"Hyper-V Virtual Ethernet Adapter", 6, false));
    EXPECT_EQ(hyperV.kind, InterfaceKind::Container);
    EXPECT_TRUE(hyperV.isVirtual);
    // OpenVPN's TAP driver says it is Ethernet (and hardware): the description tells.
    const InterfaceStat tap =
        interfaceFromRow(row(L"OpenVPN TAP", L"TAP-Windows Adapter V9", 6, true));
    EXPECT_EQ(tap.kind, InterfaceKind::Tunnel);
    EXPECT_TRUE(tap.isVirtual);
    const InterfaceStat wireguard = interfaceFromRow(row(L"wg0", L"WireGuard Tunnel", 53, false));
    EXPECT_EQ(wireguard.kind, InterfaceKind::Tunnel);
    const InterfaceStat ras = interfaceFromRow(row(L"Work VPN", L"WAN Miniport (SSTP)", 23, false));
    EXPECT_EQ(ras.kind, InterfaceKind::Tunnel);
    EXPECT_TRUE(ras.isVirtual);
}

TEST(IfRowParser, UnknownHardwareIsShown) {
    const InterfaceStat cellular =
        interfaceFromRow(row(L"Cellular", L"Generic Mobile Broadband Adapter", 243, true));
    EXPECT_EQ(cellular.kind, InterfaceKind::Other);
    EXPECT_FALSE(cellular.isVirtual);
}

TEST(IfRowParser, StatesAndUnknownSpeeds) {
    EXPECT_EQ(operStateFrom(IfOperStatusDown), OperState::Down);
    EXPECT_EQ(operStateFrom(IfOperStatusNotPresent), OperState::NotPresent);
    EXPECT_EQ(operStateFrom(IfOperStatusLowerLayerDown), OperState::LowerLayerDown);
    EXPECT_EQ(operStateFrom(IfOperStatusDormant), OperState::Dormant);
    EXPECT_EQ(operStateFrom(static_cast<IF_OPER_STATUS>(99)), OperState::Unknown);
    EXPECT_EQ(speedMbps(0), std::nullopt);
    EXPECT_EQ(speedMbps(~ULONG64{0}), std::nullopt);  // "unknown" on disconnected adapters
    EXPECT_EQ(speedMbps(54'000'000), 54U);

    MIB_IF_ROW2 r = row(L"Ethernet", L"Realtek", 6, true);
    r.ReceiveLinkSpeed = ~ULONG64{0};
    r.TransmitLinkSpeed = 100'000'000;
    EXPECT_EQ(interfaceFromRow(r).speedMbps, 100U);
}

TEST(IfRowParser, NoOrZeroHardwareAddressIsEmpty) {
    const UCHAR zero[6] = {};
    EXPECT_EQ(macText(zero, 6), "");
    EXPECT_EQ(macText(zero, 0), "");
    const UCHAR eui64[8] = {0, 0, 0, 0, 0, 0, 0, 0xe0};  // tunnels report 8 bytes
    EXPECT_EQ(macText(eui64, 8), "00:00:00:00:00:00:00:e0");
}

TEST(IfRowParser, UnicastAddressRows) {
    MIB_UNICASTIPADDRESS_ROW v4{};
    v4.Address.si_family = AF_INET;
    const UCHAR v4bytes[4] = {192, 0, 2, 10};
    std::memcpy(&v4.Address.Ipv4.sin_addr, v4bytes, 4);
    v4.OnLinkPrefixLength = 24;
    EXPECT_EQ(addressText(v4), "192.0.2.10/24");

    MIB_UNICASTIPADDRESS_ROW v6{};
    v6.Address.si_family = AF_INET6;
    const UCHAR v6bytes[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x15, 0x5d, 0xff, 0xfe, 0, 0, 1};
    std::memcpy(&v6.Address.Ipv6.sin6_addr, v6bytes, 16);
    v6.OnLinkPrefixLength = 64;
    EXPECT_EQ(addressText(v6), "fe80::215:5dff:fe00:1/64");

    MIB_UNICASTIPADDRESS_ROW other{};
    other.Address.si_family = AF_UNSPEC;
    EXPECT_EQ(addressText(other), std::nullopt);
}

}  // namespace
}  // namespace netmon::windows_platform
