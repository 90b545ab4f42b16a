// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace netmon {

// "0 bit/s", "950 bit/s", "12.3 kbit/s", "1.23 Mbit/s", "2.50 Gbit/s": decimal steps of 1000, as
// link speeds are quoted; three significant digits.
std::string formatBitRate(double bitsPerSecond);
// "512 B", "1.50 KiB", "3.25 MiB", "1.07 GiB", "2.00 TiB": binary steps of 1024, as file
// managers and vnStat show totals.
std::string formatBytes(std::uint64_t bytes);

// A sum over flows that may not all be counted (HostStat, ProcessStat): "n/a" when unknown,
// "≥ 4.00 KiB" when a lower bound (`complete` false), else as formatBytes / formatBitRate.
std::string formatByteSum(const std::optional<std::uint64_t>& bytes, bool complete);
std::string formatBitRateSum(const std::optional<double>& bitsPerSecond, bool complete);
inline constexpr const char* kUnknownText = "n/a";
inline constexpr const char* kLowerBoundMark = "≥ ";

}  // namespace netmon
