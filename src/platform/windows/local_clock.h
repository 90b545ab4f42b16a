// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace netmon::windows_platform {

// A local calendar date and time as Windows' time-zone rules for that year give it (not the
// C run-time's, which applies this year's rules to every year).
struct LocalDateTime {
    int year = 0;
    int month = 0;  // 1–12
    int day = 0;    // 1–31
    int hour = 0;
    int minute = 0;
    int second = 0;

    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

std::optional<LocalDateTime> toLocal(std::chrono::system_clock::time_point time);
// The UTC instant of a local wall-clock time (for a time a DST change skipped or repeated,
// whichever Windows picks; callers check).
std::optional<std::chrono::system_clock::time_point> fromLocal(const LocalDateTime& local);

}  // namespace netmon::windows_platform
