// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "storage/history_types.h"

namespace netmon::storage {

// The database keeps time as INTEGER unix milliseconds (UTC).
std::int64_t toUnixMs(TimePoint time);
TimePoint fromUnixMs(std::int64_t ms);

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 3'600'000;

// Start of the UTC-aligned bucket of `length` ms holding `ms` (floor, also before 1970).
constexpr std::int64_t bucketStart(std::int64_t ms, std::int64_t length) {
    const std::int64_t rest = ms % length;
    return rest < 0 ? ms - rest - length : ms - rest;
}

// Local midnight of the day holding `ms`. Remembers the last day, because the C library's
// local-time conversion costs far more than the per-second ingest it would otherwise run for.
class LocalDayBuckets {
public:
    std::int64_t dayStart(std::int64_t ms);

private:
    std::int64_t m_start = 0;
    std::int64_t m_end = 0;  // exclusive; m_start == m_end means nothing cached
};

}  // namespace netmon::storage
