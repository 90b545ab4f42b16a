// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/time_buckets.h"

#include "platform/calendar.h"

namespace netmon::storage {

std::int64_t toUnixMs(TimePoint time) {
    return std::chrono::floor<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

TimePoint fromUnixMs(std::int64_t ms) {
    return TimePoint(
        std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(ms)));
}

std::int64_t LocalDayBuckets::dayStart(std::int64_t ms) {
    if (ms < m_start || ms >= m_end) {
        const TimePoint time = fromUnixMs(ms);
        m_start = toUnixMs(localDayStart(time));
        m_end = toUnixMs(nextLocalDayStart(time));
    }
    return m_start;
}

}  // namespace netmon::storage
