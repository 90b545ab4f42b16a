// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

class QChart;

namespace netmon::gui {

// The two series colours every chart uses, picked to read on the current (dark or light) theme.
struct ChartColors {
    QColor download;
    QColor upload;
};

ChartColors chartColors(const QPalette& palette);
// Transparent background, axis and legend text in the palette's colours.
void styleChart(QChart& chart, const QPalette& palette);

}  // namespace netmon::gui
