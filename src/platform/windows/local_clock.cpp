// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/local_clock.h"

#include <windows.h>

namespace netmon::windows_platform {
namespace {

using Clock = std::chrono::system_clock;

// FILETIME counts 100 ns ticks since 1601-01-01; the Unix epoch is 11644473600 s later.
constexpr std::int64_t kEpochDifference = 11'644'473'600LL * 10'000'000LL;

std::optional<SYSTEMTIME> systemTimeOf(Clock::time_point time) {
    const auto ticks =
        std::chrono::duration_cast<std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>>(
            std::chrono::floor<std::chrono::seconds>(time).time_since_epoch())
            .count() +
        kEpochDifference;
    if (ticks < 0) {
        return std::nullopt;
    }
    ULARGE_INTEGER value{};
    value.QuadPart = static_cast<ULONGLONG>(ticks);
    FILETIME file{value.LowPart, value.HighPart};
    SYSTEMTIME system{};
    if (::FileTimeToSystemTime(&file, &system) == 0) {
        return std::nullopt;
    }
    return system;
}

std::optional<Clock::time_point> timePointOf(const SYSTEMTIME& system) {
    FILETIME file{};
    if (::SystemTimeToFileTime(&system, &file) == 0) {
        return std::nullopt;
    }
    ULARGE_INTEGER value{};
    value.LowPart = file.dwLowDateTime;
    value.HighPart = file.dwHighDateTime;
    const auto ticks = static_cast<std::int64_t>(value.QuadPart) - kEpochDifference;
    return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>(ticks)));
}

// The current time zone's rules as they stood in `year` (DST dates and offsets change between
// years). The *Ex conversions would take the zone directly, but they are stubs in Wine 8 that
// end the process, so the year's rules go to the older calls, which Wine implements.
std::optional<TIME_ZONE_INFORMATION> zoneIn(int year) {
    TIME_ZONE_INFORMATION info{};
    if (year < 1601 || year > 30827 ||
        ::GetTimeZoneInformationForYear(static_cast<USHORT>(year), nullptr, &info) == 0) {
        return std::nullopt;
    }
    return info;
}

}  // namespace

std::optional<LocalDateTime> toLocal(Clock::time_point time) {
    const auto utc = systemTimeOf(time);
    if (!utc) {
        return std::nullopt;
    }
    auto info = zoneIn(utc->wYear);
    if (!info) {
        return std::nullopt;
    }
    SYSTEMTIME local{};
    if (::SystemTimeToTzSpecificLocalTime(&*info, &*utc, &local) == 0) {
        return std::nullopt;
    }
    return LocalDateTime{local.wYear, local.wMonth,  local.wDay,
                         local.wHour, local.wMinute, local.wSecond};
}

std::optional<Clock::time_point> fromLocal(const LocalDateTime& local) {
    auto info = zoneIn(local.year);
    if (!info) {
        return std::nullopt;
    }
    SYSTEMTIME wall{};
    wall.wYear = static_cast<WORD>(local.year);
    wall.wMonth = static_cast<WORD>(local.month);
    wall.wDay = static_cast<WORD>(local.day);
    wall.wHour = static_cast<WORD>(local.hour);
    wall.wMinute = static_cast<WORD>(local.minute);
    wall.wSecond = static_cast<WORD>(local.second);
    SYSTEMTIME utc{};
    if (::TzSpecificLocalTimeToSystemTime(&*info, &wall, &utc) == 0) {
        return std::nullopt;
    }
    return timePointOf(utc);
}

}  // namespace netmon::windows_platform
