// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "core/result.h"

// Bounds-checked views of netlink messages and attributes. The NLMSG_*/RTA_* macros use C
// casts and trust the lengths they are given; these helpers check every length against the
// buffer first, so a malformed message becomes an Error instead of a read past the end.
namespace netmon::linux_platform {

using ByteSpan = std::span<const std::byte>;

inline constexpr std::size_t kNetlinkAlignTo = 4;
inline constexpr std::size_t netlinkAlign(std::size_t length) {
    return (length + kNetlinkAlignTo - 1) & ~(kNetlinkAlignTo - 1);
}

struct NetlinkMessage {
    std::uint16_t type = 0;
    std::uint16_t flags = 0;
    std::uint32_t sequence = 0;
    std::uint32_t portId = 0;
    ByteSpan payload;  // the bytes after the 16-byte header, up to nlmsg_len
    ByteSpan whole;    // header and payload
};

// Splits a buffer holding whole netlink messages back to back.
Result<std::vector<NetlinkMessage>> splitMessages(ByteSpan bytes);

// One slot per attribute type; absent types stay empty. Types beyond the table are ignored
// (newer kernels add attributes), and a repeated type keeps the last one, as the kernel does.
using AttributeTable = std::vector<std::optional<ByteSpan>>;

// Fills `table` (its size sets the highest type kept) from a run of rtattr/nlattr records.
Result<void> parseAttributes(ByteSpan bytes, AttributeTable& table);

// A fixed-size C struct copied out of the front of `bytes`; nullopt when too short. memcpy
// because netlink buffers give no alignment guarantee for the struct.
template <typename T>
std::optional<T> readStruct(ByteSpan bytes) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes.size() < sizeof(T)) {
        return std::nullopt;
    }
    T value{};
    std::memcpy(&value, bytes.data(), sizeof(T));
    return value;
}

// A NUL-terminated string attribute; Error when the NUL is missing.
Result<std::string> readStringAttribute(ByteSpan bytes, const char* what);

// The payload after a fixed header struct of `headerSize` bytes (padded to 4), or Error.
Result<ByteSpan> afterHeader(ByteSpan payload, std::size_t headerSize, const char* what);

}  // namespace netmon::linux_platform
