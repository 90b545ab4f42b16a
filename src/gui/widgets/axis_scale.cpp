// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/axis_scale.h"

#include <array>
#include <cmath>

namespace netmon::gui {
namespace {

// The smallest of 1, 2, 2.5, 5 × 10^n at or above `value`.
double niceStep(double value) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0}) {
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
    // Headroom so the peak does not touch the top (none where it would overflow).
    const double top = std::isfinite(value * 1.1) ? value * 1.1 : value;
    if (!(top > 0)) {
        return scale;  // no data or all zero: 0 … 1 in the smallest unit
    }
    // Four steps at most; the nice step rounds up by at most 2.5×, so at least three remain.
    scale.step = niceStep(top / 4);
    scale.max = scale.step * std::ceil(top / scale.step - 1e-9);
    return scale;
}

}  // namespace

QList<double> AxisScale::ticks() const {
    QList<double> result;
    const auto count = static_cast<int>(std::lround(max / step));
    for (int i = 0; i <= count && i <= 20; ++i) {
        result.append(i * step);
    }
    return result;
}

QString AxisScale::label(double tick) const {
    if (tick == 0) {
        return QStringLiteral("0");
    }
    // Six significant digits drop the float noise of i × step (0.30000000000000004 → 0.3).
    return QStringLiteral("%1 %2").arg(QString::number(tick, 'g', 6), unit);
}

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
