// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ipv4_header.h"

#include <array>
#include <cstring>

namespace netmon::capture {
namespace {

constexpr std::size_t kMinimumHeader = 20;
constexpr std::uint16_t kMoreFragments = 0x2000;
constexpr std::uint16_t kOffsetMask = 0x1fff;

IpAddress addressAt(Bytes packet, std::size_t offset) {
    std::array<std::uint8_t, 4> bytes{};
    std::memcpy(bytes.data(), packet.data() + offset, bytes.size());
    return IpAddress::v4(bytes);
}

}  // namespace

NetworkHeader parseIpv4(Bytes packet, std::size_t wireLength) {
    NetworkHeader header;
    if (packet.size() < kMinimumHeader) {
        header.status = ParseStatus::Truncated;
        return header;
    }
    const std::size_t headerLength = static_cast<std::size_t>(packet[0] & 0x0f) * 4;
    std::size_t totalLength = readU16(packet, 2);
    if (totalLength == 0) {
        totalLength = wireLength;  // segmentation offload: the frame says how long it is
    }
    if (packet[0] >> 4 != 4 || headerLength < kMinimumHeader || totalLength < headerLength ||
        totalLength > wireLength) {
        header.status = ParseStatus::Malformed;
        return header;
    }
    if (packet.size() < headerLength) {
        header.status = ParseStatus::Truncated;
        return header;
    }
    const std::uint16_t fragmentField = readU16(packet, 6);
    if ((fragmentField & kOffsetMask) != 0) {
        header.fragment = FragmentKind::Later;
    } else if ((fragmentField & kMoreFragments) != 0) {
        header.fragment = FragmentKind::First;
    }
    header.fragmentId = readU16(packet, 4);
    header.transportProtocol = packet[9];
    header.fragmentProtocol = packet[9];
    header.source = addressAt(packet, 12);
    header.destination = addressAt(packet, 16);
    header.transportOffset = headerLength;
    header.transportLength = totalLength - headerLength;
    return header;
}

}  // namespace netmon::capture
