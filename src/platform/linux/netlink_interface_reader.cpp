// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_interface_reader.h"

#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <unordered_map>

#include "platform/linux/netlink_address_parser.h"
#include "platform/linux/netlink_link_parser.h"
#include "platform/linux/netlink_stats_parser.h"
#include "platform/linux/sysfs_net.h"

namespace netmon::linux_platform {
namespace {

template <typename T>
ByteSpan asBytes(const T& value) {
    return std::as_bytes(std::span<const T, 1>(&value, 1));
}

}  // namespace

Result<NetlinkInterfaceReader> NetlinkInterfaceReader::open() {
    auto socket = NetlinkSocket::open();
    if (!socket) {
        return tl::unexpected(socket.error());
    }
    // Without notifications every reading is a full one: slower, still right.
    auto changes = NetlinkChangeMonitor::open();
    return NetlinkInterfaceReader(std::move(*socket),
                                  changes ? std::optional(std::move(*changes)) : std::nullopt);
}

Result<std::vector<InterfaceStat>> NetlinkInterfaceReader::read() {
    if (m_knownValid && m_statsFailures < kMaxStatsFailures && !changedSinceLastLook()) {
        auto fast = readCountersOnly();
        if (!fast) {
            return tl::unexpected(fast.error());
        }
        if (*fast) {
            return std::move(**fast);
        }
    }
    return readFull();
}

bool NetlinkInterfaceReader::changedSinceLastLook() {
    if (!m_changes) {
        return true;
    }
    const auto changed = m_changes->takeChanges();
    return !changed || *changed;  // cannot tell: assume a change
}

Result<std::optional<std::vector<InterfaceStat>>> NetlinkInterfaceReader::readCountersOnly() {
    if_stats_msg request{};
    request.family = AF_UNSPEC;
    request.filter_mask = 1U << (IFLA_STATS_LINK_64 - 1);  // IFLA_STATS_FILTER_BIT
    auto reply = m_socket.dump(RTM_GETSTATS, asBytes(request));
    if (!reply) {
        ++m_statsFailures;  // a full reading answers this time
        return std::optional<std::vector<InterfaceStat>>();
    }
    m_statsFailures = 0;
    auto counters = parseStatsMessages(*reply);
    if (!counters) {
        return tl::unexpected(counters.error());
    }
    // A change during the dump, or links the kept list does not have (or lacks), means the
    // identities may not fit these counters.
    if (changedSinceLastLook() || counters->size() != m_known.size()) {
        return std::optional<std::vector<InterfaceStat>>();
    }
    std::vector<InterfaceStat> interfaces = m_known;
    for (std::size_t i = 0; i < counters->size(); ++i) {
        const IndexedCounters& fresh = (*counters)[i];
        // Both dumps walk the links in the same order, so a mismatch is rare; look it up then.
        InterfaceStat* target = interfaces[i].index == fresh.index ? &interfaces[i] : nullptr;
        for (std::size_t j = 0; target == nullptr && j < interfaces.size(); ++j) {
            target = interfaces[j].index == fresh.index ? &interfaces[j] : nullptr;
        }
        if (target == nullptr) {
            return std::optional<std::vector<InterfaceStat>>();
        }
        target->counters = fresh.counters;
    }
    return std::optional(std::move(interfaces));
}

Result<std::vector<InterfaceStat>> NetlinkInterfaceReader::readFull() {
    m_knownValid = false;
    // What is queued now is about the state this reading is going to see anyway.
    const bool watching = m_changes && m_changes->takeChanges().has_value();

    ifinfomsg linkRequest{};
    linkRequest.ifi_family = AF_UNSPEC;
    auto linkReply = m_socket.dump(RTM_GETLINK, asBytes(linkRequest));
    if (!linkReply) {
        return tl::unexpected(linkReply.error());
    }
    // Parse before the next dump: the reply view points into the socket's buffer.
    auto interfaces = parseLinkMessages(*linkReply);
    if (!interfaces) {
        return tl::unexpected(interfaces.error());
    }

    ifaddrmsg addressRequest{};
    addressRequest.ifa_family = AF_UNSPEC;
    auto addressReply = m_socket.dump(RTM_GETADDR, asBytes(addressRequest));
    if (!addressReply) {
        return tl::unexpected(addressReply.error());
    }
    auto addresses = parseAddressMessages(*addressReply);
    if (!addresses) {
        return tl::unexpected(addresses.error());
    }
    std::unordered_map<std::uint32_t, InterfaceStat*> byIndex;
    byIndex.reserve(interfaces->size());
    for (InterfaceStat& stat : *interfaces) {
        byIndex.emplace(stat.index, &stat);
    }
    for (InterfaceAddress& address : *addresses) {
        // An address of a link created between the two dumps has no entry yet; next reading.
        if (auto found = byIndex.find(address.index); found != byIndex.end()) {
            found->second->addresses.push_back(std::move(address.text));
        }
    }
    addSysfsDetails(*interfaces);
    if (watching) {
        m_known = *interfaces;
        m_knownValid = true;
    }
    return interfaces;
}

}  // namespace netmon::linux_platform
