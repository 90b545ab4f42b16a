// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_interface_reader.h"

#include <charconv>

#include "platform/linux/interface_kind.h"
#include "platform/linux/proc_net_dev_parser.h"
#include "platform/linux/sysfs_net.h"
#include "platform/linux/text_file.h"

namespace netmon::linux_platform {
namespace {

template <typename Number>
std::optional<Number> readNumber(std::string_view name, std::string_view attribute) {
    const auto text = readNetAttribute(name, attribute);
    if (!text) {
        return std::nullopt;
    }
    Number value{};
    const char* end = text->data() + text->size();
    const auto [next, error] = std::from_chars(text->data(), end, value);
    if (error != std::errc() || next != end) {
        return std::nullopt;
    }
    return value;
}

// uevent's DEVTYPE names the same software kinds as IFLA_INFO_KIND for bridges, bonds, VLANs
// and WireGuard; Wi-Fi ("wlan") is found by addSysfsDetails instead.
std::string linkKindFromUevent(std::string_view name) {
    const auto uevent = readNetAttribute(name, "uevent");
    if (!uevent) {
        return {};
    }
    constexpr std::string_view key = "DEVTYPE=";
    const std::size_t at = uevent->find(key);
    if (at == std::string::npos || (at != 0 && (*uevent)[at - 1] != '\n')) {
        return {};
    }
    const std::size_t begin = at + key.size();
    std::string kind = uevent->substr(begin, uevent->find('\n', begin) - begin);
    return kind == "wlan" ? std::string() : kind;
}

InterfaceStat fromEntry(ProcNetDevEntry& entry) {
    InterfaceStat stat;
    stat.name = std::move(entry.name);
    stat.counters = entry.counters;
    stat.counterBits = 64;  // printed from rtnl_link_stats64 since Linux 2.6.35
    // Identity is best effort: the counters above are the reading; an interface that vanished
    // meanwhile keeps its defaults and is gone from the next reading.
    stat.index = readNumber<std::uint32_t>(stat.name, "ifindex").value_or(0);
    const auto address = readNetAttribute(stat.name, "address");
    const auto length = readNumber<unsigned>(stat.name, "addr_len");
    if (address && length == 6U) {
        stat.mac = *address;
    }
    if (const auto state = readNetAttribute(stat.name, "operstate")) {
        stat.state = operStateFromText(*state);
    }
    const auto type = readNumber<std::uint16_t>(stat.name, "type").value_or(kUnknownHardwareType);
    KindInfo kind = classifyInterface(stat.name, linkKindFromUevent(stat.name), type);
    // Without IFLA_INFO_KIND, an Ethernet-typed link with no `device` behind it (veth, tap,
    // ifb, macvlan, …) is known only to be software; netlink would have named its kind.
    if (kind.kind == InterfaceKind::Ethernet && !hasDevice(stat.name)) {
        kind = KindInfo{InterfaceKind::Other, true};
    }
    stat.kind = kind.kind;
    stat.isVirtual = kind.isVirtual;
    return stat;
}

}  // namespace

OperState operStateFromText(std::string_view text) {
    if (text == "up") {
        return OperState::Up;
    }
    if (text == "down") {
        return OperState::Down;
    }
    if (text == "lowerlayerdown") {
        return OperState::LowerLayerDown;
    }
    if (text == "dormant") {
        return OperState::Dormant;
    }
    if (text == "testing") {
        return OperState::Testing;
    }
    if (text == "notpresent") {
        return OperState::NotPresent;
    }
    return OperState::Unknown;
}

Result<std::vector<InterfaceStat>> readInterfacesFromProc(const std::string& procNetDevPath) {
    // 16 KiB: one read() for ~120 interfaces; larger buffers cost more than they save.
    auto text = readTextFile(procNetDevPath, 16 * 1024);
    if (!text) {
        return tl::unexpected(text.error());
    }
    auto entries = parseProcNetDev(*text);
    if (!entries) {
        return tl::unexpected(entries.error());
    }
    std::vector<InterfaceStat> interfaces;
    interfaces.reserve(entries->size());
    for (ProcNetDevEntry& entry : *entries) {
        interfaces.push_back(fromEntry(entry));
    }
    addSysfsDetails(interfaces);
    return interfaces;
}

}  // namespace netmon::linux_platform
