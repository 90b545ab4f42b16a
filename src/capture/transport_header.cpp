// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/transport_header.h"

namespace netmon::capture {
namespace {

constexpr std::size_t kTcpHeader = 20;
constexpr std::size_t kUdpHeader = 8;
constexpr std::size_t kIcmpHeader = 4;  // type, code, checksum

TransportHeader status(ParseStatus value) {
    return {.status = value};
}

// Malformed when the IP header says the segment is shorter than the header; Truncated when
// only the capture is.
ParseStatus checkLength(Bytes segment, std::size_t wireLength, std::size_t header) {
    if (wireLength < header) {
        return ParseStatus::Malformed;
    }
    return segment.size() < header ? ParseStatus::Truncated : ParseStatus::Ok;
}

TransportHeader tcp(Bytes segment, std::size_t wireLength) {
    if (const ParseStatus length = checkLength(segment, wireLength, kTcpHeader);
        length != ParseStatus::Ok) {
        return status(length);
    }
    const std::size_t dataOffset = static_cast<std::size_t>(segment[12] >> 4) * 4;
    if (dataOffset < kTcpHeader || dataOffset > wireLength) {
        return status(ParseStatus::Malformed);
    }
    return {.sourcePort = readU16(segment, 0), .destinationPort = readU16(segment, 2)};
}

TransportHeader udp(Bytes segment, std::size_t wireLength, bool wholeDatagram) {
    if (const ParseStatus length = checkLength(segment, wireLength, kUdpHeader);
        length != ParseStatus::Ok) {
        return status(length);
    }
    const std::size_t udpLength = readU16(segment, 4);
    // 0 is a jumbogram's or a segmentation-offload packet's length; a first fragment's UDP
    // length covers the whole datagram.
    if (udpLength != 0 && (udpLength < kUdpHeader || (wholeDatagram && udpLength > wireLength))) {
        return status(ParseStatus::Malformed);
    }
    return {.sourcePort = readU16(segment, 0), .destinationPort = readU16(segment, 2)};
}

}  // namespace

Protocol protocolFromNumber(std::uint8_t number) {
    switch (number) {
        case 1:
            return Protocol::Icmp;
        case 6:
            return Protocol::Tcp;
        case 17:
            return Protocol::Udp;
        case 58:
            return Protocol::Icmpv6;
        default:
            return Protocol::Other;
    }
}

TransportHeader parseTransport(Protocol protocol, Bytes segment, std::size_t wireLength,
                               bool wholeDatagram) {
    switch (protocol) {
        case Protocol::Tcp:
            return tcp(segment, wireLength);
        case Protocol::Udp:
            return udp(segment, wireLength, wholeDatagram);
        case Protocol::Icmp:
        case Protocol::Icmpv6:
            return status(checkLength(segment, wireLength, kIcmpHeader));
        case Protocol::Other:
            break;
    }
    return {};
}

}  // namespace netmon::capture
