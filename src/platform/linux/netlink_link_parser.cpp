// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_link_parser.h"

#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include <string>

#include "platform/linux/interface_kind.h"
#include "platform/linux/netlink_counters.h"

namespace netmon::linux_platform {
namespace {

// Only 6-byte hardware addresses are MACs; tunnels put their IPv4 endpoint in IFLA_ADDRESS.
std::string formatMac(ByteSpan address) {
    constexpr std::size_t kMacBytes = 6;
    if (address.size() != kMacBytes) {
        return {};
    }
    constexpr char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(3 * kMacBytes - 1);
    for (std::size_t i = 0; i < kMacBytes; ++i) {
        const auto byte = std::to_integer<unsigned>(address[i]);
        if (i != 0) {
            text += ':';
        }
        text += digits[byte >> 4U];
        text += digits[byte & 0xFU];
    }
    return text;
}

OperState toOperState(std::uint8_t value) {
    switch (value) {
        case IF_OPER_NOTPRESENT:
            return OperState::NotPresent;
        case IF_OPER_DOWN:
            return OperState::Down;
        case IF_OPER_LOWERLAYERDOWN:
            return OperState::LowerLayerDown;
        case IF_OPER_TESTING:
            return OperState::Testing;
        case IF_OPER_DORMANT:
            return OperState::Dormant;
        case IF_OPER_UP:
            return OperState::Up;
        default:
            return OperState::Unknown;
    }
}

Result<std::string> readLinkKind(const std::optional<ByteSpan>& linkInfo) {
    if (!linkInfo) {
        return std::string();
    }
    AttributeTable info(IFLA_INFO_MAX + 1);
    if (auto parsed = parseAttributes(*linkInfo, info); !parsed) {
        return fail(parsed.error().message + " (inside IFLA_LINKINFO)");
    }
    if (!info[IFLA_INFO_KIND]) {
        return std::string();
    }
    return readStringAttribute(*info[IFLA_INFO_KIND], "IFLA_INFO_KIND");
}

Result<InterfaceStat> parseLink(ByteSpan payload, AttributeTable& attributes) {
    auto body = afterHeader(payload, sizeof(ifinfomsg), "ifinfomsg");
    const auto header = readStruct<ifinfomsg>(payload);
    if (!body || !header) {
        return fail(body ? "malformed RTM_NEWLINK" : body.error().message);
    }
    if (auto parsed = parseAttributes(*body, attributes); !parsed) {
        return fail(parsed.error().message + " (in RTM_NEWLINK for index " +
                    std::to_string(header->ifi_index) + ")");
    }
    InterfaceStat stat;
    stat.index = static_cast<std::uint32_t>(header->ifi_index);
    if (!attributes[IFLA_IFNAME]) {
        return fail("malformed RTM_NEWLINK: no IFLA_IFNAME for index " +
                    std::to_string(stat.index));
    }
    auto name = readStringAttribute(*attributes[IFLA_IFNAME], "IFLA_IFNAME");
    if (!name) {
        return tl::unexpected(name.error());
    }
    stat.name = std::move(*name);

    Result<InterfaceCounters> counters = fail("no IFLA_STATS64 or IFLA_STATS for " + stat.name);
    if (attributes[IFLA_STATS64]) {
        counters = readLinkCounters<rtnl_link_stats64>(*attributes[IFLA_STATS64], "IFLA_STATS64");
    } else if (attributes[IFLA_STATS]) {
        counters = readLinkCounters<rtnl_link_stats>(*attributes[IFLA_STATS], "IFLA_STATS");
        stat.counterBits = 32;
    }
    if (!counters) {
        return tl::unexpected(counters.error());
    }
    stat.counters = *counters;

    if (attributes[IFLA_ADDRESS]) {
        stat.mac = formatMac(*attributes[IFLA_ADDRESS]);
    }
    if (attributes[IFLA_OPERSTATE]) {
        const auto state = readStruct<std::uint8_t>(*attributes[IFLA_OPERSTATE]);
        if (!state) {
            return fail("malformed netlink attribute: empty IFLA_OPERSTATE for " + stat.name);
        }
        stat.state = toOperState(*state);
    }
    auto linkKind = readLinkKind(attributes[IFLA_LINKINFO]);
    if (!linkKind) {
        return fail(linkKind.error().message + " for " + stat.name);
    }
    const KindInfo kind = classifyInterface(stat.name, *linkKind, header->ifi_type);
    stat.kind = kind.kind;
    stat.isVirtual = kind.isVirtual;
    return stat;
}

}  // namespace

Result<std::vector<InterfaceStat>> parseLinkMessages(ByteSpan bytes) {
    auto messages = splitMessages(bytes);
    if (!messages) {
        return tl::unexpected(messages.error());
    }
    std::vector<InterfaceStat> interfaces;
    interfaces.reserve(messages->size());
    AttributeTable attributes(IFLA_MAX + 1);
    for (const NetlinkMessage& message : *messages) {
        if (message.type != RTM_NEWLINK) {
            continue;
        }
        auto stat = parseLink(message.payload, attributes);
        if (!stat) {
            return tl::unexpected(stat.error());
        }
        interfaces.push_back(std::move(*stat));
    }
    return interfaces;
}

}  // namespace netmon::linux_platform
