// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/chart_style.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace netmon::gui {

namespace {

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

}  // namespace

ChartColors chartColors(const QPalette& palette) {
    if (isDark(palette)) {
        return {QColor(0x4f, 0xc3, 0xf7), QColor(0xff, 0xb7, 0x4d)};
    }
    return {QColor(0x02, 0x77, 0xbd), QColor(0xe6, 0x51, 0x00)};
}

void styleChart(QChart& chart, const QPalette& palette) {
    chart.setBackgroundVisible(false);
    chart.setPlotAreaBackgroundVisible(false);
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.12f);
    QColor line = text;
    line.setAlphaF(0.3f);
    chart.legend()->setLabelColor(text);
    chart.setTitleBrush(text);
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(line);
        axis->setMinorGridLineColor(grid);
    }
}

}  // namespace netmon::gui
