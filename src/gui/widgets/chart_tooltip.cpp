// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/chart_tooltip.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "gui/widgets/chart_style.h"

namespace netmon::gui {
namespace {

constexpr double kPadding = 8;
constexpr double kDot = 8;
constexpr double kDotGap = 6;
constexpr double kOffset = 14;  // between the pointed place and the box

}  // namespace

QString ChartTooltip::text() const {
    QStringList parts{title};
    for (const Line& line : lines) {
        parts.append(line.text);
    }
    return parts.join(QLatin1Char('\n'));
}

void ChartTooltip::paint(QPainter& painter, const QPointF& anchor, const QRectF& bounds,
                         const QFont& font, const ChartStyle& style) const {
    if (isEmpty()) {
        return;
    }
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font);
    const QFontMetricsF boldMetrics(bold);
    const double line = std::max(metrics.height(), boldMetrics.height());
    double width = boldMetrics.horizontalAdvance(title);
    for (const Line& entry : lines) {
        width = std::max(width, kDot + kDotGap + metrics.horizontalAdvance(entry.text));
    }
    const QSizeF size(std::ceil(width) + 2 * kPadding + 1,
                      line * static_cast<double>(lines.size() + 1) + 2 * kPadding);
    double left = anchor.x() + kOffset;
    if (left + size.width() > bounds.right()) {
        left = anchor.x() - kOffset - size.width();
    }
    left = std::clamp(left, bounds.left(), std::max(bounds.left(), bounds.right() - size.width()));
    const double top = std::clamp(anchor.y() - size.height() / 2, bounds.top(),
                                  std::max(bounds.top(), bounds.bottom() - size.height()));
    const QRectF box(QPointF(left, top), size);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(style.tipBorder, 1));
    painter.setBrush(style.tipBase);
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    double y = box.top() + kPadding;
    const double x = box.left() + kPadding;
    painter.setFont(bold);
    painter.setPen(style.tipText);
    painter.drawText(QRectF(x, y, size.width(), line), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font);
    for (const Line& entry : lines) {
        y += line;
        painter.setPen(Qt::NoPen);
        painter.setBrush(entry.color);
        painter.drawEllipse(QRectF(x, y + (line - kDot) / 2, kDot, kDot));
        painter.setPen(style.tipText);
        painter.drawText(QRectF(x + kDot + kDotGap, y, size.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
    painter.restore();
}

}  // namespace netmon::gui
