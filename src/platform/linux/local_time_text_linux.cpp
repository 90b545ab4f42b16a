// SPDX-License-Identifier: GPL-3.0-or-later
#include <ctime>

#include "platform/local_time_text.h"

namespace netmon {

std::string formatLocalTime(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    if (::localtime_r(&seconds, &local) == nullptr) {
        return "?";
    }
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &local);
    return buffer;
}

}  // namespace netmon
