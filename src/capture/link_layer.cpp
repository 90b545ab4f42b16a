// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/link_layer.h"

namespace netmon::capture {
namespace {

// libpcap's DLT_ values (pcap/dlt.h), spelled out so the parser needs no libpcap header.
constexpr int kDltEn10mb = 1;
constexpr int kDltRaw = 12;         // Linux, Windows, most BSDs
constexpr int kDltRawOpenBsd = 14;  // OpenBSD's DLT_RAW
constexpr int kLinktypeRaw = 101;   // the savefile value, which some builds return
constexpr int kDltLinuxSll = 113;
constexpr int kDltIpv4 = 228;
constexpr int kDltIpv6 = 229;
constexpr int kDltLinuxSll2 = 276;

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;
constexpr std::uint16_t kFirstEtherType = 0x0600;  // below: an 802.3 length or SLL's specials

constexpr std::size_t kEthernetHeader = 14;
constexpr std::size_t kSllHeader = 16;
constexpr std::size_t kSll2Header = 20;
constexpr std::size_t kVlanTag = 4;  // TCI + the next EtherType

constexpr std::uint16_t kArphrdEther = 1;
constexpr std::uint16_t kArphrdLoopback = 772;
constexpr std::uint8_t kPacketOutgoing = 4;  // linux/if_packet.h PACKET_OUTGOING

bool isVlanTag(std::uint16_t etherType) {
    return etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100;
}

// The link header the device itself counts, which a cooked header replaced.
std::int32_t deviceHeaderLength(std::uint16_t arphrdType) {
    return arphrdType == kArphrdEther || arphrdType == kArphrdLoopback ? 14 : 0;
}

// `etherType` was read just before `payload`; steps over VLAN tags (each: TCI, next type) and
// names the network protocol.
LinkLayer afterEtherType(Bytes frame, std::uint16_t etherType, std::size_t payload) {
    LinkLayer link;
    for (int tags = 0; isVlanTag(etherType); ++tags) {
        if (tags == kMaxVlanTags) {
            link.status = ParseStatus::Malformed;
            return link;
        }
        if (frame.size() < payload + kVlanTag) {
            link.status = ParseStatus::Truncated;
            return link;
        }
        etherType = readU16(frame, payload + 2);
        payload += kVlanTag;
    }
    link.headerLength = payload;
    if (etherType == kEtherTypeIpv4) {
        link.network = NetworkProtocol::Ipv4;
    } else if (etherType == kEtherTypeIpv6) {
        link.network = NetworkProtocol::Ipv6;
    } else {
        link.status = ParseStatus::NonIp;
    }
    return link;
}

LinkLayer ethernet(Bytes frame) {
    if (frame.size() < kEthernetHeader) {
        return {.status = ParseStatus::Truncated};
    }
    const std::uint16_t etherType = readU16(frame, 12);
    if (etherType < kFirstEtherType) {
        return {.status = ParseStatus::NonIp};  // 802.3 length field: LLC/SNAP, STP…
    }
    return afterEtherType(frame, etherType, kEthernetHeader);
}

LinkLayer cooked(Bytes frame, std::uint16_t protocol, std::size_t header, std::uint16_t hatype,
                 std::uint8_t packetType) {
    LinkLayer link = protocol < kFirstEtherType ? LinkLayer{.status = ParseStatus::NonIp}
                                                : afterEtherType(frame, protocol, header);
    link.wireAdjustment = deviceHeaderLength(hatype) - static_cast<std::int32_t>(header);
    link.direction = packetType == kPacketOutgoing ? PacketDirection::Out : PacketDirection::In;
    return link;
}

// DLT_LINUX_SLL: packet type(2) ARPHRD type(2) address length(2) address(8) protocol(2).
LinkLayer linuxSll(Bytes frame) {
    if (frame.size() < kSllHeader) {
        return {.status = ParseStatus::Truncated};
    }
    return cooked(frame, readU16(frame, 14), kSllHeader, readU16(frame, 2),
                  static_cast<std::uint8_t>(readU16(frame, 0)));
}

// DLT_LINUX_SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD type(2) packet type(1)
// address length(1) address(8).
LinkLayer linuxSll2(Bytes frame) {
    if (frame.size() < kSll2Header) {
        return {.status = ParseStatus::Truncated};
    }
    return cooked(frame, readU16(frame, 0), kSll2Header, readU16(frame, 8), frame[10]);
}

LinkLayer rawIp(Bytes frame) {
    if (frame.empty()) {
        return {.status = ParseStatus::Truncated};
    }
    switch (frame[0] >> 4) {
        case 4:
            return {.network = NetworkProtocol::Ipv4};
        case 6:
            return {.network = NetworkProtocol::Ipv6};
        default:
            return {.status = ParseStatus::Malformed};
    }
}

}  // namespace

LinkType linkTypeFromDlt(int dlt) {
    switch (dlt) {
        case kDltEn10mb:
            return LinkType::Ethernet;
        case kDltLinuxSll:
            return LinkType::LinuxSll;
        case kDltLinuxSll2:
            return LinkType::LinuxSll2;
        case kDltRaw:
        case kDltRawOpenBsd:
        case kLinktypeRaw:
            return LinkType::RawIp;
        case kDltIpv4:
            return LinkType::Ipv4;
        case kDltIpv6:
            return LinkType::Ipv6;
        default:
            return LinkType::Unsupported;
    }
}

LinkLayer parseLinkLayer(Bytes frame, LinkType type) {
    switch (type) {
        case LinkType::Ethernet:
            return ethernet(frame);
        case LinkType::LinuxSll:
            return linuxSll(frame);
        case LinkType::LinuxSll2:
            return linuxSll2(frame);
        case LinkType::RawIp:
            return rawIp(frame);
        case LinkType::Ipv4:
            return {.network = NetworkProtocol::Ipv4};
        case LinkType::Ipv6:
            return {.network = NetworkProtocol::Ipv6};
        case LinkType::Unsupported:
            break;
    }
    return {.status = ParseStatus::NonIp};
}

}  // namespace netmon::capture
