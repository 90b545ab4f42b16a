// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace netmon {

// Local-time calendar boundaries ("today", "this month" as the user means them). Defined by the
// platform library, since the C time-zone functions differ per OS.
std::chrono::system_clock::time_point localDayStart(std::chrono::system_clock::time_point time);
std::chrono::system_clock::time_point localMonthStart(std::chrono::system_clock::time_point time);
// The start of the local day after the one holding `time` (23, 24 or 25 hours later).
std::chrono::system_clock::time_point nextLocalDayStart(std::chrono::system_clock::time_point time);

}  // namespace netmon
