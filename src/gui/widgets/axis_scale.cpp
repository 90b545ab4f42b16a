// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/axis_scale.h"

#include <array>
#include <cmath>

namespace netmon::gui {
namespace {

// The smallest of these × 10^n at or above `value`: with the axes' five ticks (four steps) the
// labels stay short and round (16 → 0, 4, 8, 12, 16; 3 → 0, 0.75, 1.5, 2.25, 3).
double niceCeiling(double value) {
    if (!(value > 0)) {
        return 1;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 1.2, 1.6, 2.0, 2.4, 3.0, 4.0, 6.0, 8.0, 10.0}) {
        if (value <= step * magnitude * 1.0000001) {
            return step * magnitude;
        }
    }
    return 10 * magnitude;
}

template <std::size_t N>
AxisScale scaleFor(double peak, double base, const std::array<const char*, N>& units) {
    AxisScale scale;
    std::size_t unit = 0;
    double value = std::isfinite(peak) && peak > 0 ? peak : 0;
    while (value >= base && unit + 1 < units.size()) {
        value /= base;
        scale.divisor *= base;
        ++unit;
    }
    scale.unit = QString::fromLatin1(units[unit]);
    scale.max = niceCeiling(value * 1.1);  // headroom so the peak does not touch the top
    return scale;
}

}  // namespace

AxisScale bitRateAxis(double peakBitsPerSecond) {
    static constexpr std::array<const char*, 5> kUnits{"bit/s", "kbit/s", "Mbit/s", "Gbit/s",
                                                       "Tbit/s"};
    return scaleFor(peakBitsPerSecond, 1000.0, kUnits);
}

AxisScale byteAxis(double peakBytes) {
    static constexpr std::array<const char*, 6> kUnits{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    return scaleFor(peakBytes, 1024.0, kUnits);
}

}  // namespace netmon::gui
