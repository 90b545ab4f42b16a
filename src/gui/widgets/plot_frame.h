// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include "gui/widgets/axis_scale.h"

class QPainter;

namespace netmon::gui {

struct ChartStyle;

// A label under the plot, wanted centred on `x` (widget coordinates).
struct AxisLabel {
    double x = 0;
    QString text;
};

// A label where it is drawn.
struct PlacedLabel {
    QRectF rect;
    QString text;
};

struct LegendEntry {
    QString name;
    QColor color;
};

// The frame both charts paint their data into: a legend row on top, the value axis on the left
// (a grid line and a label per tick of an AxisScale), a row of labels under the plot. It lays
// itself out from the widget's rectangle and font, so labels are measured, not guessed, and a
// label is only drawn where it fits.
class PlotFrame {
public:
    // What to do with a label that would stick out of the frame: leave it out (it marks a tick),
    // or move it inwards (it names a bar, which it still stands under).
    enum class Edge { Drop, Clamp };
    static constexpr double kLabelGap = 16;  // the least room between two labels under the plot

    PlotFrame(const QRectF& bounds, const QFont& font, const AxisScale& scale,
              bool valueLabels = true);

    [[nodiscard]] const QRectF& plot() const { return m_plot; }
    [[nodiscard]] const AxisScale& scale() const { return m_scale; }
    [[nodiscard]] const QFont& font() const { return m_font; }
    [[nodiscard]] bool usable() const;              // big enough to draw data into
    [[nodiscard]] double yFor(double units) const;  // a value in the scale's units → y
    [[nodiscard]] double textWidth(const QString& text) const;
    [[nodiscard]] QStringList valueLabels() const;  // the tick labels drawn, bottom to top
    // Where the labels go, in order, each at least kLabelGap clear of the one before; a label that
    // would overlap the one before is left out.
    [[nodiscard]] QList<PlacedLabel> place(const QList<AxisLabel>& labels, Edge edge) const;

    void paintGrid(QPainter& painter, const ChartStyle& style) const;
    void paintLegend(QPainter& painter, const QList<LegendEntry>& entries,
                     const ChartStyle& style) const;
    void paintLabels(QPainter& painter, const QList<PlacedLabel>& labels,
                     const ChartStyle& style) const;
    void paintMessage(QPainter& painter, const QString& message, const ChartStyle& style) const;

    // A y (or x) moved so that a line `width` logical pixels wide covers whole device pixels.
    static double snap(double value, double devicePixelRatio, double width = 1);

private:
    [[nodiscard]] QList<int> labelledTicks() const;

    QRectF m_bounds;
    QFont m_font;
    QFontMetricsF m_metrics;
    AxisScale m_scale;
    QList<double> m_ticks;
    bool m_valueLabels;
    QRectF m_plot;
};

}  // namespace netmon::gui
