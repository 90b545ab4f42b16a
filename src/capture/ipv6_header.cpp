// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ipv6_header.h"

#include <array>
#include <cstring>

namespace netmon::capture {
namespace {

constexpr std::size_t kFixedHeader = 40;
constexpr std::size_t kFragmentHeader = 8;

constexpr std::uint8_t kHopByHop = 0;
constexpr std::uint8_t kRouting = 43;
constexpr std::uint8_t kFragment = 44;
constexpr std::uint8_t kAuthentication = 51;
constexpr std::uint8_t kDestinationOptions = 60;

bool isExtensionHeader(std::uint8_t nextHeader) {
    return nextHeader == kHopByHop || nextHeader == kRouting || nextHeader == kFragment ||
           nextHeader == kAuthentication || nextHeader == kDestinationOptions;
}

IpAddress addressAt(Bytes packet, std::size_t offset) {
    std::array<std::uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), packet.data() + offset, bytes.size());
    return IpAddress::v6(bytes);
}

NetworkHeader failed(ParseStatus status) {
    NetworkHeader header;
    header.status = status;
    return header;
}

}  // namespace

NetworkHeader parseIpv6(Bytes packet, std::size_t wireLength) {
    if (packet.size() < kFixedHeader) {
        return failed(ParseStatus::Truncated);
    }
    std::size_t payloadLength = readU16(packet, 4);
    if (payloadLength == 0 && wireLength > kFixedHeader) {
        payloadLength = wireLength - kFixedHeader;  // jumbogram / BIG TCP
    }
    const std::size_t end = kFixedHeader + payloadLength;  // where the packet ends on the wire
    if (packet[0] >> 4 != 6 || end > wireLength) {
        return failed(ParseStatus::Malformed);
    }
    NetworkHeader header;
    header.source = addressAt(packet, 8);
    header.destination = addressAt(packet, 24);
    std::uint8_t nextHeader = packet[6];
    std::size_t offset = kFixedHeader;
    for (int count = 0; isExtensionHeader(nextHeader); ++count) {
        if (count == kMaxExtensionHeaders) {
            return failed(ParseStatus::Malformed);
        }
        const std::size_t needed = nextHeader == kFragment ? kFragmentHeader : 2;
        if (offset + needed > end) {
            return failed(ParseStatus::Malformed);  // the chain runs past the packet
        }
        if (offset + needed > packet.size()) {
            return failed(ParseStatus::Truncated);
        }
        const std::uint8_t following = packet[offset];
        std::size_t length = 0;
        if (nextHeader == kFragment) {
            const std::uint16_t field = readU16(packet, offset + 2);
            header.fragmentId = readU32(packet, offset + 4);
            header.fragmentProtocol = following;
            if ((field >> 3) != 0) {
                header.fragment = FragmentKind::Later;
            } else if ((field & 1) != 0) {
                header.fragment = FragmentKind::First;
            }
            length = kFragmentHeader;
        } else if (nextHeader == kAuthentication) {
            length = (static_cast<std::size_t>(packet[offset + 1]) + 2) * 4;
        } else {
            length = (static_cast<std::size_t>(packet[offset + 1]) + 1) * 8;
        }
        offset += length;
        if (offset > end) {
            return failed(ParseStatus::Malformed);
        }
        nextHeader = following;
        if (header.fragment == FragmentKind::Later) {
            break;  // the rest is the middle of a datagram: no headers to read
        }
    }
    header.transportProtocol = nextHeader;
    header.transportOffset = offset;
    header.transportLength = end - offset;
    return header;
}

}  // namespace netmon::capture
