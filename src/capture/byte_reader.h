// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace netmon::capture {

// Packet bytes as captured; never read past its end.
using Bytes = std::span<const std::uint8_t>;

// Big-endian (network order) fields by byte arithmetic: no casts of packet buffers to structs,
// so alignment does not matter. Callers check that offset + width <= bytes.size() first.
inline std::uint16_t readU16(Bytes bytes, std::size_t offset) {
    return static_cast<std::uint16_t>(bytes[offset] << 8 | bytes[offset + 1]);
}

inline std::uint32_t readU32(Bytes bytes, std::size_t offset) {
    return static_cast<std::uint32_t>(bytes[offset]) << 24 |
           static_cast<std::uint32_t>(bytes[offset + 1]) << 16 |
           static_cast<std::uint32_t>(bytes[offset + 2]) << 8 |
           static_cast<std::uint32_t>(bytes[offset + 3]);
}

}  // namespace netmon::capture
