// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

#include "platform/local_time_text.h"
#include "platform/windows/local_clock.h"

namespace netmon {

std::string formatLocalTime(std::chrono::system_clock::time_point time) {
    const auto local = windows_platform::toLocal(time);
    if (!local) {
        return "?";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", local->year, local->month,
                  local->day, local->hour, local->minute, local->second);
    return buffer;
}

}  // namespace netmon
