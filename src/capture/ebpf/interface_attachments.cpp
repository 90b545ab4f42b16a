// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/interface_attachments.h"

#include <linux/if_arp.h>

#include <algorithm>
#include <optional>

#include "capture/ebpf/flow_map_reader.h"
#include "capture/ebpf/kernel_records.h"
#include "capture/ebpf/leftover_filters.h"

namespace netmon::capture {
namespace {

// Whether packets at tc start with an Ethernet header (true) or the IP header (false).
std::optional<bool> ethernetHeader(int linkType) {
    switch (linkType) {
        case ARPHRD_ETHER:
        case ARPHRD_LOOPBACK:
            return true;
        case ARPHRD_NONE:  // tun, WireGuard
        case ARPHRD_RAWIP:
        case ARPHRD_PPP:
        case ARPHRD_TUNNEL:
        case ARPHRD_TUNNEL6:
        case ARPHRD_SIT:
        case ARPHRD_IPGRE:
            return false;
        default:
            return std::nullopt;
    }
}

}  // namespace

Result<InterfaceAttachments::Attachment> InterfaceAttachments::attach(
    const std::shared_ptr<const NetNamespace>& ns, const std::string& name) {
    const std::optional<int> ifindex = ns->indexOf(name);
    if (!ifindex) {
        return fail("cannot count on " + name + ": no such interface");
    }
    const std::optional<int> linkType = ns->linkTypeOf(name);
    const std::optional<bool> ethernet = linkType ? ethernetHeader(*linkType) : std::nullopt;
    if (!ethernet) {
        return fail("cannot count on " + name + ": its link type (" +
                        std::to_string(linkType.value_or(-1)) +
                        ") is not one the eBPF engine reads",
                    "use the libpcap engine for it");
    }
    const auto index = static_cast<std::uint32_t>(*ifindex);
    for (const Attachment& other : m_attached) {
        if (other.ifindex == *ifindex && other.ns->inode() != ns->inode()) {
            return fail("cannot count on " + name + ": " + other.name +
                        " in another network namespace has the same interface index");
        }
    }
    ensureInterfaceEntry(m_counter.interfaceMap(), index);
    const auto counters = readInterfaceCounters(m_counter.interfaceMap(), index);
    if (!counters) {
        return tl::unexpected(counters.error());
    }
    auto hooks =
        TcAttachment::attach(ns, *ifindex, name, m_counter.programs(*ethernet), m_loader, m_how);
    if (!hooks) {
        return tl::unexpected(hooks.error());
    }
    m_netns[index] = static_cast<std::uint32_t>(ns->inode());
    Attachment attachment{
        name, ns, *ifindex, std::move(*hooks), unflowedOf(*counters), overflowPacketsOf(*counters)};
    attachment.overflowSeen = attachment.overflowBaseline;
    return attachment;
}

void InterfaceAttachments::end(Attachment& attachment, const UnflowedTraffic& contribution) {
    m_earlier[attachment.name] += contribution;
    attachment.hooks.reset();  // removes them, unless forgotten (the interface is gone)
}

Result<void> InterfaceAttachments::set(const std::vector<std::string>& names,
                                       std::vector<std::string>& warnings) {
    auto ns = NetNamespace::current();
    if (!ns) {
        return tl::unexpected(ns.error());
    }
    if (m_cleanedNamespaces.insert((*ns)->inode()).second) {
        for (std::string& warning : removeLeftoverFilters()) {
            warnings.push_back(std::move(warning));
        }
    }
    for (Attachment& attachment : m_attached) {
        if (std::find(names.begin(), names.end(), attachment.name) == names.end()) {
            const auto counters =
                readInterfaceCounters(m_counter.interfaceMap(), attachment.ifindex);
            end(attachment, counters ? grownSince(unflowedOf(*counters), attachment.baseline)
                                     : UnflowedTraffic{});
        }
    }
    std::erase_if(m_attached, [](const Attachment& attachment) { return !attachment.hooks; });
    std::optional<Error> firstFailure;
    for (const std::string& name : names) {
        const bool running = std::any_of(m_attached.begin(), m_attached.end(),
                                         [&](const Attachment& a) { return a.name == name; });
        if (running) {
            continue;
        }
        auto attached = attach(*ns, name);
        if (attached) {
            m_attached.push_back(std::move(*attached));
        } else {
            warnings.push_back(attached.error().describe());
            firstFailure = firstFailure.value_or(attached.error());
        }
    }
    if (firstFailure && m_attached.empty()) {
        return tl::unexpected(*firstFailure);
    }
    return {};
}

Result<std::vector<CaptureInterfaceStats>> InterfaceAttachments::read(
    std::vector<std::string>& warnings, bool& overflowed) {
    std::vector<CaptureInterfaceStats> stats;
    for (Attachment& attachment : m_attached) {
        // Deleted (or renamed) since the last read: this is its last reading.
        if (const auto now = attachment.ns->nameOf(attachment.ifindex); now != attachment.name) {
            attachment.gone = true;
            if (now) {  // renamed: our programs are still on it and go with end()
                warnings.push_back("capture on " + attachment.name + " ended: the interface is " +
                                   "now called " + *now);
            } else {
                attachment.hooks->forget();  // deleted, and our hooks with it
                warnings.push_back("capture on " + attachment.name +
                                   " ended: the interface disappeared");
            }
        }
        const auto counters = readInterfaceCounters(m_counter.interfaceMap(), attachment.ifindex);
        if (!counters) {
            return tl::unexpected(counters.error());
        }
        const UnflowedTraffic contribution = grownSince(unflowedOf(*counters), attachment.baseline);
        CaptureInterfaceStats entry;
        entry.interfaceName = attachment.name;
        entry.other = m_earlier[attachment.name];
        entry.other += contribution;
        stats.push_back(std::move(entry));
        const std::uint64_t overflow = overflowPacketsOf(*counters);
        if (overflow > attachment.overflowSeen) {
            overflowed = true;
            warnings.push_back(
                "eBPF flow map full: " + std::to_string(overflow - attachment.overflowSeen) +
                " packets on " + attachment.name + " counted under 'other'");
            attachment.overflowSeen = overflow;
        }
        if (attachment.gone) {
            end(attachment, contribution);
        }
    }
    std::erase_if(m_attached, [](const Attachment& attachment) { return attachment.gone; });
    return stats;
}

std::string InterfaceAttachments::describe() const {
    std::string tcx;
    std::string clsact;
    std::string noTcxReason;
    for (const Attachment& attachment : m_attached) {
        std::string& names = attachment.hooks->kind() == TcAttachment::Kind::Tcx ? tcx : clsact;
        names += (names.empty() ? "" : ", ") + attachment.name;
        if (noTcxReason.empty()) {
            noTcxReason = attachment.hooks->noTcxReason();
        }
    }
    std::string clsactText = "tc clsact filters";
    if (!noTcxReason.empty()) {
        clsactText += " (" + noTcxReason + ")";
    } else if (m_how == TcAttach::Clsact) {
        clsactText += " (as chosen)";
    }
    if (clsact.empty()) {
        return tcx.empty() ? "" : "TCX links";
    }
    if (tcx.empty()) {
        return clsactText;
    }
    return "TCX links on " + tcx + "; " + clsactText + " on " + clsact;
}

std::uint32_t InterfaceAttachments::netnsOf(std::uint32_t ifindex) const {
    const auto found = m_netns.find(ifindex);
    return found == m_netns.end() ? 0 : found->second;
}

}  // namespace netmon::capture
