// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

namespace netmon {

// Received and sent bytes of a host or a process together: empty when neither is known.
inline std::optional<std::uint64_t> bothWays(const std::optional<std::uint64_t>& in,
                                             const std::optional<std::uint64_t>& out) {
    if (!in && !out) {
        return std::nullopt;
    }
    return in.value_or(0) + out.value_or(0);
}

// The order of "by bytes" lists: more bytes first, and an unknown total after every known one
// (a host reached only over UDP in basic mode is not a host that moved nothing).
inline bool moreBytes(const std::optional<std::uint64_t>& a,
                      const std::optional<std::uint64_t>& b) {
    if (a.has_value() != b.has_value()) {
        return a.has_value();
    }
    return a.value_or(0) > b.value_or(0);
}

}  // namespace netmon
