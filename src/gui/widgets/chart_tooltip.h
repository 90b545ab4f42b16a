// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

class QFont;
class QPainter;

namespace netmon::gui {

struct ChartStyle;

// What a chart shows for the pointed time or bar: a title ("14:03:27") and a line per series
// ("Download 12.5 Mbit/s") with the series' colour. Painted inside the chart, in its theme.
struct ChartTooltip {
    struct Line {
        QColor color;
        QString text;
    };
    QString title;
    QList<Line> lines;

    [[nodiscard]] bool isEmpty() const { return title.isEmpty(); }
    [[nodiscard]] QString text() const;  // the title and the lines, one a line
    // A rounded box beside `anchor` (right of it where there is room, else left), kept inside
    // `bounds`.
    void paint(QPainter& painter, const QPointF& anchor, const QRectF& bounds, const QFont& font,
               const ChartStyle& style) const;
};

}  // namespace netmon::gui
