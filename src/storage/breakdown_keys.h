// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "storage/history_types.h"

namespace netmon::storage {

// breakdown_keys.dimension: 1 and 2 name real hosts and processes; 3 and 4 hold one key each,
// "other": the sum of the hosts (processes) beyond the top N of an hour or a day. A dimension
// of its own rather than a reserved name, so that no real host or process (a process may well
// call itself "other") can ever be counted in it or mistaken for it.
constexpr std::int64_t keyDimension(Breakdown dimension) {
    return dimension == Breakdown::Host ? 1 : 2;
}
constexpr std::int64_t otherKeyDimension(Breakdown dimension) {
    return keyDimension(dimension) + 2;
}
inline constexpr const char* kOtherKeyName = "other";

}  // namespace netmon::storage
