// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/plot_frame.h"

#include <QPaintDevice>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "gui/widgets/chart_style.h"

namespace netmon::gui {
namespace {

constexpr double kAxisGap = 8;   // between the value labels and the plot
constexpr double kRowGap = 5;    // between the plot and the labels under it
constexpr double kRightPad = 8;  // so the newest point and the last label are not cut
constexpr double kSwatch = 10;

double devicePixelRatio(const QPainter& painter) {
    return painter.device() != nullptr ? painter.device()->devicePixelRatioF() : 1.0;
}

}  // namespace

PlotFrame::PlotFrame(const QRectF& bounds, const QFont& font, const AxisScale& scale,
                     bool valueLabels)
    : m_bounds(bounds),
      m_font(font),
      m_metrics(font),
      m_scale(scale),
      m_ticks(scale.ticks()),
      m_valueLabels(valueLabels) {
    const double line = m_metrics.height();
    double labelWidth = 0;
    if (m_valueLabels) {
        for (const double tick : m_ticks) {
            labelWidth = std::max(labelWidth, textWidth(m_scale.label(tick)));
        }
    }
    // The top tick's label is centred on the plot's top edge: half a line below the legend.
    const double top = bounds.top() + line * 1.5 + 2;
    const double left = bounds.left() + (m_valueLabels ? std::ceil(labelWidth) + kAxisGap : 2);
    const double bottom = bounds.bottom() - line - kRowGap;
    const double right = bounds.right() - kRightPad;
    m_plot = QRectF(QPointF(left, top), QPointF(std::max(left, right), std::max(top, bottom)));
}

bool PlotFrame::usable() const {
    return m_plot.width() >= 20 && m_plot.height() >= 20;
}

double PlotFrame::yFor(double units) const {
    const double fraction = m_scale.max > 0 ? units / m_scale.max : 0;
    return m_plot.bottom() - std::clamp(fraction, 0.0, 1.0) * m_plot.height();
}

double PlotFrame::textWidth(const QString& text) const {
    return m_metrics.horizontalAdvance(text);
}

QList<int> PlotFrame::labelledTicks() const {
    QList<int> result;
    if (!m_valueLabels || m_ticks.size() < 2 || !usable()) {
        return result;
    }
    // Every tick where they are a line apart, else every other one, else the ends.
    const double spacing = m_plot.height() / static_cast<double>(m_ticks.size() - 1);
    const double line = m_metrics.height();
    const auto last = static_cast<int>(m_ticks.size() - 1);
    const int every = spacing >= line ? 1 : spacing * 2 >= line ? 2 : last;
    for (int i = 0; i <= last; i += every) {
        result.append(i);
    }
    return result;
}

QStringList PlotFrame::valueLabels() const {
    QStringList result;
    for (const int i : labelledTicks()) {
        result.append(m_scale.label(m_ticks[i]));
    }
    return result;
}

QList<PlacedLabel> PlotFrame::place(const QList<AxisLabel>& labels, Edge edge) const {
    // Labels may reach a little left of the plot, never under the value labels.
    const double minX = m_plot.left() - 4;
    const double maxX = m_bounds.right();
    const double top = m_plot.bottom() + kRowGap;
    QList<PlacedLabel> placed;
    for (const AxisLabel& label : labels) {
        const double width = textWidth(label.text);
        double left = label.x - width / 2;
        if (left < minX || left + width > maxX) {
            if (edge == Edge::Drop || width > maxX - minX) {
                continue;
            }
            left = std::clamp(left, minX, maxX - width);
        }
        if (!placed.isEmpty() && left < placed.last().rect.right() + kLabelGap) {
            continue;
        }
        placed.append({QRectF(left, top, width, m_metrics.height()), label.text});
    }
    return placed;
}

double PlotFrame::snap(double value, double devicePixelRatio, double width) {
    const double device = value * devicePixelRatio;
    const auto deviceWidth = static_cast<long>(std::lround(width * devicePixelRatio));
    const double snapped =
        deviceWidth % 2 == 1 ? std::floor(device) + 0.5 : static_cast<double>(std::lround(device));
    return snapped / devicePixelRatio;
}

void PlotFrame::paintGrid(QPainter& painter, const ChartStyle& style) const {
    if (!usable()) {
        return;
    }
    const double ratio = devicePixelRatio(painter);
    painter.save();
    for (const double tick : m_ticks) {
        const double y = snap(yFor(tick), ratio);
        painter.setPen(QPen(tick == 0 ? style.baseline : style.grid, 1));
        painter.drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
    }
    painter.setFont(m_font);
    painter.setPen(style.muted);
    for (const int i : labelledTicks()) {
        const double y = yFor(m_ticks[i]);
        const QRectF box(m_bounds.left(), y - m_metrics.height() / 2,
                         m_plot.left() - kAxisGap - m_bounds.left(), m_metrics.height());
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, m_scale.label(m_ticks[i]));
    }
    painter.restore();
}

void PlotFrame::paintLegend(QPainter& painter, const QList<LegendEntry>& entries,
                            const ChartStyle& style) const {
    constexpr double kSwatchGap = 6;
    constexpr double kEntryGap = 18;
    double width = 0;
    for (const LegendEntry& entry : entries) {
        width += (width > 0 ? kEntryGap : 0) + kSwatch + kSwatchGap + textWidth(entry.name);
    }
    if (width > m_bounds.width()) {
        return;  // too narrow for a legend: the colours are explained by the tooltip
    }
    painter.save();
    painter.setFont(m_font);
    const double line = m_metrics.height();
    double x = m_bounds.right() - kRightPad / 2 - width;
    for (const LegendEntry& entry : entries) {
        const QRectF swatch(x, m_bounds.top() + (line - kSwatch) / 2, kSwatch, kSwatch);
        painter.setPen(Qt::NoPen);
        painter.setBrush(entry.color);
        painter.drawRoundedRect(swatch, 3, 3);
        x += kSwatch + kSwatchGap;
        const double textW = textWidth(entry.name);
        painter.setPen(style.text);
        painter.drawText(QRectF(x, m_bounds.top(), textW + 1, line),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.name);
        x += textW + kEntryGap;
    }
    painter.restore();
}

void PlotFrame::paintLabels(QPainter& painter, const QList<PlacedLabel>& labels,
                            const ChartStyle& style) const {
    painter.save();
    painter.setFont(m_font);
    painter.setPen(style.muted);
    for (const PlacedLabel& label : labels) {
        painter.drawText(label.rect.adjusted(0, 0, 1, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         label.text);
    }
    painter.restore();
}

void PlotFrame::paintMessage(QPainter& painter, const QString& message,
                             const ChartStyle& style) const {
    painter.save();
    painter.setFont(m_font);
    painter.setPen(style.muted);
    const QRectF area = m_plot.isEmpty() ? m_bounds : m_plot;
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, message);
    painter.restore();
}

}  // namespace netmon::gui
