// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>

namespace netmon {

// "2026-11-26 20:34:05" in the user's time zone, for tables people read. Defined by the platform
// library (the thread-safe local-time call differs per OS).
std::string formatLocalTime(std::chrono::system_clock::time_point time);

}  // namespace netmon
