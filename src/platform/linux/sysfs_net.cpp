// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/sysfs_net.h"

#include <unistd.h>

#include <charconv>

#include "platform/linux/text_file.h"

namespace netmon::linux_platform {
namespace {

std::string netPath(std::string_view name, std::string_view attribute) {
    std::string path = "/sys/class/net/";
    path += name;
    path += '/';
    path += attribute;
    return path;
}

}  // namespace

std::optional<std::string> readNetAttribute(std::string_view name, std::string_view attribute) {
    auto text = readTextFile(netPath(name, attribute));
    if (!text) {
        return std::nullopt;
    }
    while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) {
        text->pop_back();
    }
    return std::move(*text);
}

bool isWirelessInterface(std::string_view name) {
    return ::access(netPath(name, "wireless").c_str(), F_OK) == 0 ||
           ::access(netPath(name, "phy80211").c_str(), F_OK) == 0;
}

bool hasDevice(std::string_view name) {
    return ::access(netPath(name, "device").c_str(), F_OK) == 0;
}

std::optional<std::uint64_t> readLinkSpeedMbps(std::string_view name) {
    const auto text = readNetAttribute(name, "speed");
    if (!text) {
        return std::nullopt;
    }
    // Signed: drivers print -1 (SPEED_UNKNOWN) for links without a speed.
    long long speed = 0;
    const char* end = text->data() + text->size();
    const auto [next, error] = std::from_chars(text->data(), end, speed);
    if (error != std::errc() || next != end || speed <= 0) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(speed);
}

void addSysfsDetails(std::vector<InterfaceStat>& interfaces) {
    for (InterfaceStat& stat : interfaces) {
        if (stat.kind == InterfaceKind::Ethernet && isWirelessInterface(stat.name)) {
            stat.kind = InterfaceKind::Wireless;
        }
        if (!stat.isVirtual) {
            stat.speedMbps = readLinkSpeedMbps(stat.name);
        }
    }
}

}  // namespace netmon::linux_platform
