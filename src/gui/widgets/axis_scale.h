// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace netmon::gui {

// The unit and ticks of a chart's value axis: values are divided by `divisor` and labelled in
// `unit`. The unit is picked from the peak with the same steps as core's formatBitRate (×1000)
// and formatBytes (×1024), which format single values; an axis needs one unit for all its ticks.
// Ticks are 0, step, 2·step … max, with step 1, 2, 2.5 or 5 × 10^n and three or four of them
// above zero, the top 10 % or more above the peak (12.5 Mbit/s → 0, 5, 10, 15 Mbit/s).
struct AxisScale {
    double divisor = 1;
    QString unit;
    double max = 1;   // the top of the axis, in units: a multiple of `step` above the peak
    double step = 1;  // between two ticks, in units (no data or all zero: 0 and 1 only)

    [[nodiscard]] QList<double> ticks() const;  // 0 … max, in units
    // "0", "2.5 Mbit/s": a tick's label, unit included.
    [[nodiscard]] QString label(double tick) const;
};

AxisScale bitRateAxis(double peakBitsPerSecond);
AxisScale byteAxis(double peakBytes);

}  // namespace netmon::gui
