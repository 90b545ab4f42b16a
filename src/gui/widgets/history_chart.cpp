// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/history_chart.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "gui/types/qt_text.h"
#include "gui/widgets/chart_tooltip.h"
#include "gui/widgets/plot_frame.h"

namespace netmon::gui {
namespace {

constexpr double kGroupShare = 0.78;   // of a bar's slot, the rest is the gap to the next one
constexpr double kMaxGroupWidth = 64;  // so a few bars do not turn into blocks

}  // namespace

HistoryChart::HistoryChart(QWidget* parent) : ChartWidget(parent) {
    setMinimumHeight(220);
}

QSize HistoryChart::sizeHint() const {
    return {640, 300};
}

void HistoryChart::setBuckets(const std::vector<HistoryBucket>& buckets, HistoryStep step) {
    m_buckets = buckets;
    double peak = 0;
    for (const HistoryBucket& bucket : buckets) {
        peak = std::max(
            {peak, static_cast<double>(bucket.rxBytes), static_cast<double>(bucket.txBytes)});
    }
    m_scale = byteAxis(peak);
    m_labels = HistoryLabels(buckets, step);
    m_labelsSize.reset();
    update();
}

PlotFrame HistoryChart::frame() const {
    return PlotFrame(QRectF(rect()), font(), m_scale, !m_buckets.empty());
}

double HistoryChart::slotWidth(const PlotFrame& frame) const {
    return m_buckets.empty() ? 0 : frame.plot().width() / static_cast<double>(m_buckets.size());
}

const QList<AxisLabel>& HistoryChart::axisLabels(const PlotFrame& frame) const {
    if (m_labelsSize != size()) {
        m_axisLabels = m_labels.choose(frame, slotWidth(frame));
        m_labelsSize = size();
    }
    return m_axisLabels;
}

QRectF HistoryChart::plotArea() const {
    return frame().plot();
}

QStringList HistoryChart::valueLabels() const {
    return frame().valueLabels();
}

QStringList HistoryChart::timeLabels() const {
    const PlotFrame plot = frame();
    QStringList result;
    for (const PlacedLabel& label : plot.place(axisLabels(plot), PlotFrame::Edge::Clamp)) {
        result.append(label.text);
    }
    return result;
}

QList<QRectF> HistoryChart::timeLabelRects() const {
    const PlotFrame plot = frame();
    QList<QRectF> result;
    for (const PlacedLabel& label : plot.place(axisLabels(plot), PlotFrame::Edge::Clamp)) {
        result.append(label.rect);
    }
    return result;
}

int HistoryChart::barAt(const PlotFrame& frame, const std::optional<QPointF>& pos) const {
    const QRectF& plot = frame.plot();
    if (!pos || m_buckets.empty() || !frame.usable() ||
        !plot.adjusted(0, -8, 0, 8).contains(*pos)) {
        return -1;
    }
    const auto bar = static_cast<int>((pos->x() - plot.left()) / slotWidth(frame));
    return std::clamp(bar, 0, barCount() - 1);
}

ChartTooltip HistoryChart::tooltip(int bar, const ChartStyle& style) const {
    const HistoryBucket& bucket = m_buckets[static_cast<std::size_t>(bar)];
    ChartTooltip result;
    result.title = m_labels.fullLabel(static_cast<std::size_t>(bar));
    result.lines = {{style.series.download, tr("Received %1").arg(bytesText(bucket.rxBytes))},
                    {style.series.upload, tr("Sent %1").arg(bytesText(bucket.txBytes))}};
    return result;
}

QString HistoryChart::toolTipAt(const QPointF& pos) const {
    const int bar = barAt(frame(), pos);
    return bar >= 0 ? tooltip(bar, themeStyle()).text() : QString();
}

void HistoryChart::changeEvent(QEvent* event) {
    ChartWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_labelsSize.reset();  // the labels' widths change with the font
    }
}

void HistoryChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const ChartStyle style = themeStyle();
    const PlotFrame plot = frame();
    plot.paintLegend(painter,
                     {{tr("Received"), style.series.download}, {tr("Sent"), style.series.upload}},
                     style);
    if (!plot.usable()) {
        return;
    }
    const int hovered = barAt(plot, hoverPosition());
    if (hovered >= 0) {
        const double slot = slotWidth(plot);
        painter.fillRect(QRectF(plot.plot().left() + hovered * slot, plot.plot().top(), slot,
                                plot.plot().height()),
                         style.hover);
    }
    plot.paintGrid(painter, style);
    if (m_buckets.empty()) {
        plot.paintMessage(painter, tr("No traffic recorded in this range"), style);
        return;
    }
    plot.paintLabels(painter, plot.place(axisLabels(plot), PlotFrame::Edge::Clamp), style);
    paintBars(painter, plot, style);
    if (hovered >= 0) {
        paintTooltip(painter, tooltip(hovered, style), style);
    }
}

void HistoryChart::paintBars(QPainter& painter, const PlotFrame& frame,
                             const ChartStyle& style) const {
    const QRectF& plot = frame.plot();
    const double slot = slotWidth(frame);
    const double group = std::min(slot * kGroupShare, kMaxGroupWidth);
    const double gap = group >= 10 ? 2 : 0;
    const double width = (group - gap) / 2;
    const double radius = std::min(3.0, width / 3);
    painter.save();
    painter.setClipRect(plot.adjusted(0, -1, 0, 0));
    painter.setPen(Qt::NoPen);
    const auto bar = [&](double left, std::uint64_t bytes, const QColor& color) {
        if (bytes == 0) {
            return;
        }
        // At least a pixel, so a quiet hour is told from one with no traffic at all.
        const double top =
            std::min(frame.yFor(static_cast<double>(bytes) / m_scale.divisor), plot.bottom() - 1);
        if (radius < 0.8) {
            painter.fillRect(QRectF(left, top, width, plot.bottom() - top), color);
            return;
        }
        // Round top corners; the bottom ones fall below the clip.
        QPainterPath path;
        path.addRoundedRect(QRectF(left, top, width, plot.bottom() - top + radius), radius, radius);
        painter.fillPath(path, color);
    };
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        const double left = plot.left() + (static_cast<double>(i) + 0.5) * slot - group / 2;
        bar(left, m_buckets[i].rxBytes, style.series.download);
        bar(left + width + gap, m_buckets[i].txBytes, style.series.upload);
    }
    painter.restore();
}

}  // namespace netmon::gui
