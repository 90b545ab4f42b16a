// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace netmon {
namespace {

// Three significant digits: 1.23, 12.3, 123.
std::string threeDigits(double value, const char* unit) {
    char buffer[32];
    const int decimals = value < 9.995 ? 2 : (value < 99.95 ? 1 : 0);
    std::snprintf(buffer, sizeof buffer, "%.*f %s", decimals, value, unit);
    return buffer;
}

}  // namespace

std::string formatBitRate(double bitsPerSecond) {
    static constexpr std::array<const char*, 5> kUnits{"bit/s", "kbit/s", "Mbit/s", "Gbit/s",
                                                       "Tbit/s"};
    if (!(bitsPerSecond > 0) || !std::isfinite(bitsPerSecond)) {
        return "0 bit/s";
    }
    std::size_t unit = 0;
    double value = bitsPerSecond;
    // Step up before rounding would print "1000": 999.6 kbit/s shows as 1.00 Mbit/s.
    while (value >= 999.5 && unit + 1 < kUnits.size()) {
        value /= 1000.0;
        ++unit;
    }
    if (unit == 0) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f bit/s", value);
        return buffer;
    }
    return threeDigits(value, kUnits[unit]);
}

std::string formatBytes(std::uint64_t bytes) {
    static constexpr std::array<const char*, 6> kUnits{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024) {
        return std::to_string(bytes) + " B";
    }
    std::size_t unit = 0;
    double value = static_cast<double>(bytes);
    while (value >= 1023.5 && unit + 1 < kUnits.size()) {
        value /= 1024.0;
        ++unit;
    }
    return threeDigits(value, kUnits[unit]);
}

std::string formatByteSum(const std::optional<std::uint64_t>& bytes, bool complete) {
    if (!bytes) {
        return kUnknownText;
    }
    return (complete ? "" : kLowerBoundMark) + formatBytes(*bytes);
}

std::string formatBitRateSum(const std::optional<double>& bitsPerSecond, bool complete) {
    if (!bitsPerSecond) {
        return kUnknownText;
    }
    return (complete ? "" : kLowerBoundMark) + formatBitRate(*bitsPerSecond);
}

}  // namespace netmon
