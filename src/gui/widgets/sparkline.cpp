// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/sparkline.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "gui/widgets/chart_style.h"

namespace netmon::gui {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QList<double>& values) {
    m_values = values;
    update();
}

QSize Sparkline::sizeHint() const {
    return {120, 28};
}

void Sparkline::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paint(painter, QRectF(rect()).adjusted(1, 2, -1, -2), m_values,
          chartColors(palette()).download);
}

void Sparkline::paint(QPainter& painter, const QRectF& rect, const QList<double>& values,
                      const QColor& color) {
    if (values.size() < 2 || rect.width() < 4 || rect.height() < 4) {
        return;
    }
    const double peak = *std::max_element(values.begin(), values.end());
    const double scale = peak > 0 ? rect.height() / peak : 0;
    const double step = rect.width() / static_cast<double>(values.size() - 1);
    QPainterPath line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QPointF point(rect.left() + step * static_cast<double>(i),
                            rect.bottom() - values[i] * scale);
        if (i == 0) {
            line.moveTo(point);
        } else {
            line.lineTo(point);
        }
    }
    QPainterPath area = line;
    area.lineTo(rect.bottomRight());
    area.lineTo(rect.bottomLeft());
    area.closeSubpath();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlphaF(0.25f);
    painter.fillPath(area, fill);
    painter.setPen(QPen(color, 1.5));
    painter.drawPath(line);
    painter.restore();
}

}  // namespace netmon::gui
