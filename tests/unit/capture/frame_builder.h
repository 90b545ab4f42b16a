// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Frames written byte by byte for the parser's tests, its fuzz corpus and its benchmark: each
// helper appends one header's fields in wire order, nothing computed but lengths the caller
// passes. No checksums (the parser reads none).

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace netmon::capture::test {

using Frame = std::vector<std::uint8_t>;
using V4 = std::array<std::uint8_t, 4>;
using V6 = std::array<std::uint8_t, 16>;

inline constexpr V4 kHostA{192, 0, 2, 1};
inline constexpr V4 kHostB{198, 51, 100, 7};
inline constexpr V6 kHost6A{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
inline constexpr V6 kHost6B{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};

inline Frame operator+(Frame left, const Frame& right) {
    left.insert(left.end(), right.begin(), right.end());
    return left;
}

inline void put16(Frame& frame, std::uint16_t value) {
    frame.push_back(static_cast<std::uint8_t>(value >> 8));
    frame.push_back(static_cast<std::uint8_t>(value & 0xff));
}

inline void put32(Frame& frame, std::uint32_t value) {
    put16(frame, static_cast<std::uint16_t>(value >> 16));
    put16(frame, static_cast<std::uint16_t>(value & 0xffff));
}

inline Frame bytes(std::initializer_list<std::uint8_t> list) {
    return Frame(list);
}

inline Frame payload(std::size_t size) {
    return Frame(size, 0x78);
}

// Destination 02:00:00:00:00:02, source 02:00:00:00:00:01, then the EtherType.
inline Frame ethernetHeader(std::uint16_t etherType) {
    Frame frame{0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01};
    put16(frame, etherType);
    return frame;
}

// An 802.1Q/802.1ad tag's TCI and the EtherType after it (its TPID is the type before it).
inline Frame vlanTag(std::uint16_t tci, std::uint16_t nextType) {
    Frame frame;
    put16(frame, tci);
    put16(frame, nextType);
    return frame;
}

// DLT_LINUX_SLL: packet type, ARPHRD type, address length 6, address (8), protocol.
inline Frame sllHeader(std::uint16_t packetType, std::uint16_t arphrd, std::uint16_t protocol) {
    Frame frame;
    put16(frame, packetType);
    put16(frame, arphrd);
    put16(frame, 6);
    frame.insert(frame.end(), {0x02, 0, 0, 0, 0, 0x01, 0, 0});
    put16(frame, protocol);
    return frame;
}

// DLT_LINUX_SLL2: protocol, reserved, ifindex, ARPHRD type, packet type, address length, address.
inline Frame sll2Header(std::uint8_t packetType, std::uint16_t arphrd, std::uint16_t protocol) {
    Frame frame;
    put16(frame, protocol);
    put16(frame, 0);
    put32(frame, 7);
    put16(frame, arphrd);
    frame.push_back(packetType);
    frame.push_back(6);
    frame.insert(frame.end(), {0x02, 0, 0, 0, 0, 0x01, 0, 0});
    return frame;
}

// IPv4: version 4, IHL from the options (a multiple of 4 bytes), total length = header +
// `payloadLength` unless `totalLength` overrides it.
inline Frame ipv4Header(std::uint8_t protocol, V4 source, V4 destination, std::size_t payloadLength,
                        std::uint16_t id = 0x1234, std::uint16_t fragmentField = 0,
                        const Frame& options = {}, int totalLength = -1) {
    const std::size_t headerLength = 20 + options.size();
    Frame frame;
    frame.push_back(static_cast<std::uint8_t>(0x40 | (headerLength / 4)));
    frame.push_back(0);  // DSCP/ECN
    put16(frame, static_cast<std::uint16_t>(totalLength >= 0 ? static_cast<std::size_t>(totalLength)
                                                             : headerLength + payloadLength));
    put16(frame, id);
    put16(frame, fragmentField);
    frame.push_back(64);  // TTL
    frame.push_back(protocol);
    put16(frame, 0);  // checksum
    frame.insert(frame.end(), source.begin(), source.end());
    frame.insert(frame.end(), destination.begin(), destination.end());
    return frame + options;
}

inline Frame ipv6Header(std::uint8_t nextHeader, V6 source, V6 destination,
                        std::uint16_t payloadLength) {
    Frame frame{0x60, 0, 0, 0};
    put16(frame, payloadLength);
    frame.push_back(nextHeader);
    frame.push_back(64);  // hop limit
    frame.insert(frame.end(), source.begin(), source.end());
    frame.insert(frame.end(), destination.begin(), destination.end());
    return frame;
}

// Hop-by-hop, routing or destination options: next header, length in 8-byte units beyond the
// first, padding.
inline Frame ipv6Options(std::uint8_t nextHeader, std::uint8_t extraUnits = 0) {
    Frame frame{nextHeader, extraUnits};
    frame.resize(8 + extraUnits * 8u, 0);
    return frame;
}

inline Frame ipv6Fragment(std::uint8_t nextHeader, std::uint16_t offsetUnits, bool more,
                          std::uint32_t id) {
    Frame frame{nextHeader, 0};
    put16(frame, static_cast<std::uint16_t>(offsetUnits << 3 | (more ? 1 : 0)));
    put32(frame, id);
    return frame;
}

// AH: next header, payload length in 4-byte units minus 2, reserved, SPI, sequence, ICV (12).
inline Frame ipv6Authentication(std::uint8_t nextHeader) {
    Frame frame{nextHeader, 4, 0, 0};
    put32(frame, 0x100);
    put32(frame, 1);
    frame.resize(24, 0);
    return frame;
}

inline Frame udpHeader(std::uint16_t sourcePort, std::uint16_t destinationPort,
                       std::uint16_t length) {
    Frame frame;
    put16(frame, sourcePort);
    put16(frame, destinationPort);
    put16(frame, length);
    put16(frame, 0);
    return frame;
}

inline Frame tcpHeader(std::uint16_t sourcePort, std::uint16_t destinationPort,
                       std::uint8_t dataOffsetWords = 5) {
    Frame frame;
    put16(frame, sourcePort);
    put16(frame, destinationPort);
    put32(frame, 1000);  // sequence
    put32(frame, 0);     // acknowledgement
    frame.push_back(static_cast<std::uint8_t>(dataOffsetWords << 4));
    frame.push_back(0x02);  // SYN
    put16(frame, 65535);    // window
    put32(frame, 0);        // checksum, urgent pointer
    frame.resize(std::max<std::size_t>(20, dataOffsetWords * 4u), 0);
    return frame;
}

inline Frame icmpEcho(std::uint8_t type) {
    Frame frame{type, 0, 0, 0};
    put32(frame, 0x00010001);  // identifier, sequence
    return frame;
}

}  // namespace netmon::capture::test
