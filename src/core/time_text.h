// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon {

using WallTime = std::chrono::system_clock::time_point;

// "2026-11-26T19:34:05.250Z": for JSON output and logs.
std::string formatIsoUtc(WallTime time);
// "20261126-193405": for file names (sorts by time, no characters Windows refuses).
std::string formatCompactUtc(WallTime time);

// A time given on the command line, relative to `now`:
//   "now", "today" (local midnight), "yesterday";
//   "-90s", "-30m", "-24h", "-7d" or without the sign: that long before now;
//   "2026-11-26", "2026-11-26T10:00", "2026-11-26 10:00:05": local time;
//   "@1764185645": unix seconds.
// `localDayStart` gives the local midnight at or before a time (the platform's calendar, which
// the caller passes in: core knows no time zone database).
using DayStart = std::function<WallTime(WallTime)>;
Result<WallTime> parseTimeArgument(std::string_view text, WallTime now,
                                   const DayStart& localDayStart);

}  // namespace netmon
