// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace netmon::gui {

// The unit of a chart's value axis: values are divided by `divisor` and the axis titled with
// `unit`. Same steps as core's formatBitRate (×1000) and formatBytes (×1024), which format single
// values; an axis needs one unit for all its ticks.
struct AxisScale {
    double divisor = 1;
    QString unit;
    double max = 1;  // a round top for the axis, in units
};

AxisScale bitRateAxis(double peakBitsPerSecond);
AxisScale byteAxis(double peakBytes);

}  // namespace netmon::gui
