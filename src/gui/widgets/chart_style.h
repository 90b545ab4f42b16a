// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

namespace netmon::gui {

// The two series colours every chart uses, picked to read on the current (dark or light) theme.
struct ChartColors {
    QColor download;
    QColor upload;
};

ChartColors chartColors(const QPalette& palette);

// Everything a painted chart needs besides its series: text, grid, hover and tooltip colours.
struct ChartStyle {
    ChartColors series;
    QColor surface;   // what the chart is drawn on
    QColor text;      // legend, tooltip values
    QColor muted;     // axis labels, "no data" messages
    QColor grid;      // horizontal lines at the value ticks
    QColor baseline;  // the zero line
    QColor hover;     // the hovered time's line, the hovered bar's band
    QColor tipBase;
    QColor tipText;
    QColor tipBorder;
};

ChartStyle chartStyle(const QPalette& palette);

}  // namespace netmon::gui
