// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/chart_style.h"

namespace netmon::gui {

namespace {

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor withAlpha(QColor color, float alpha) {
    color.setAlphaF(alpha);
    return color;
}

}  // namespace

ChartColors chartColors(const QPalette& palette) {
    if (isDark(palette)) {
        return {QColor(0x4f, 0xc3, 0xf7), QColor(0xff, 0xb7, 0x4d)};
    }
    return {QColor(0x02, 0x77, 0xbd), QColor(0xe6, 0x51, 0x00)};
}

ChartStyle chartStyle(const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    ChartStyle style;
    style.series = chartColors(palette);
    style.surface = palette.color(QPalette::Base);
    style.text = text;
    style.muted = palette.color(QPalette::PlaceholderText);
    style.grid = withAlpha(text, isDark(palette) ? 0.09f : 0.12f);
    style.baseline = withAlpha(text, 0.3f);
    style.hover = withAlpha(text, isDark(palette) ? 0.07f : 0.06f);
    style.tipBase = palette.color(QPalette::ToolTipBase);
    style.tipText = palette.color(QPalette::ToolTipText);
    style.tipBorder = withAlpha(text, 0.22f);
    return style;
}

}  // namespace netmon::gui
