// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/rate_chart.h"

#include <QDateTime>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "gui/types/qt_text.h"
#include "gui/widgets/chart_tooltip.h"
#include "gui/widgets/plot_frame.h"
#include "gui/widgets/time_axis.h"

namespace netmon::gui {
namespace {

// Points with a finite time and rate, negative rates as 0.
QList<QPointF> cleaned(const QList<QPointF>& points) {
    QList<QPointF> result;
    result.reserve(points.size());
    for (const QPointF& point : points) {
        if (std::isfinite(point.x()) && std::isfinite(point.y())) {
            result.append(QPointF(point.x(), std::max(0.0, point.y())));
        }
    }
    return result;
}

// The index of the point whose time is nearest `ms`, or -1 when there are none.
qsizetype nearest(const QList<QPointF>& points, double ms) {
    qsizetype best = -1;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (best < 0 || std::abs(points[i].x() - ms) < std::abs(points[best].x() - ms)) {
            best = i;
        }
    }
    return best;
}

}  // namespace

RateChart::RateChart(QWidget* parent) : ChartWidget(parent) {
    setMinimumHeight(200);
}

QSize RateChart::sizeHint() const {
    return {560, 240};
}

void RateChart::setData(const QList<QPointF>& download, const QList<QPointF>& upload, double peak,
                        double endMs, double spanMs) {
    m_download = cleaned(download);
    m_upload = cleaned(upload);
    double top = std::isfinite(peak) ? peak : 0;
    for (const QList<QPointF>* series : {&m_download, &m_upload}) {
        for (const QPointF& point : *series) {
            top = std::max(top, point.y());
        }
    }
    m_scale = bitRateAxis(top);
    const bool validWindow = std::isfinite(endMs) && std::isfinite(spanMs) && spanMs > 0;
    m_endMs = validWindow ? endMs : 0;
    m_spanMs = validWindow ? spanMs : 0;
    update();
}

PlotFrame RateChart::frame() const {
    const bool hasData = !m_download.isEmpty() || !m_upload.isEmpty();
    return PlotFrame(QRectF(rect()), font(), m_scale, hasData);
}

QRectF RateChart::plotArea() const {
    return frame().plot();
}

QStringList RateChart::valueLabels() const {
    return frame().valueLabels();
}

QStringList RateChart::timeLabels() const {
    const PlotFrame plot = frame();
    QStringList result;
    for (const PlacedLabel& label :
         plot.place(timeAxisLabels(startMs(), m_endMs, plot), PlotFrame::Edge::Drop)) {
        result.append(label.text);
    }
    return result;
}

QPointF RateChart::map(const PlotFrame& frame, const QPointF& point) const {
    const QRectF& plot = frame.plot();
    const double x = m_spanMs > 0 ? plot.left() + (point.x() - startMs()) / m_spanMs * plot.width()
                                  : plot.right();
    return {x, frame.yFor(point.y() / m_scale.divisor)};
}

const QList<QPointF>& RateChart::timeline() const {
    return m_download.isEmpty() ? m_upload : m_download;
}

qsizetype RateChart::sampleAt(const PlotFrame& frame, const std::optional<QPointF>& pos) const {
    if (!pos || !frame.usable() || m_spanMs <= 0 ||
        !frame.plot().adjusted(-4, -8, 4, 8).contains(*pos)) {
        return -1;
    }
    return nearest(timeline(),
                   startMs() + (pos->x() - frame.plot().left()) / frame.plot().width() * m_spanMs);
}

ChartTooltip RateChart::tooltip(qsizetype sample, const ChartStyle& style) const {
    const double ms = timeline()[sample].x();
    ChartTooltip result;
    result.title = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(ms)))
                       .toString(QStringLiteral("HH:mm:ss"));
    if (const qsizetype i = nearest(m_download, ms); i >= 0) {
        result.lines.append(
            {style.series.download, tr("Download %1").arg(bitRateText(m_download[i].y()))});
    }
    if (const qsizetype i = nearest(m_upload, ms); i >= 0) {
        result.lines.append(
            {style.series.upload, tr("Upload %1").arg(bitRateText(m_upload[i].y()))});
    }
    return result;
}

QString RateChart::toolTipAt(const QPointF& pos) const {
    const qsizetype sample = sampleAt(frame(), pos);
    return sample >= 0 ? tooltip(sample, themeStyle()).text() : QString();
}

void RateChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const ChartStyle style = themeStyle();
    const PlotFrame plot = frame();
    plot.paintLegend(painter,
                     {{tr("Download"), style.series.download}, {tr("Upload"), style.series.upload}},
                     style);
    if (!plot.usable()) {
        return;
    }
    plot.paintGrid(painter, style);
    plot.paintLabels(painter,
                     plot.place(timeAxisLabels(startMs(), m_endMs, plot), PlotFrame::Edge::Drop),
                     style);
    if (m_download.isEmpty() && m_upload.isEmpty()) {
        plot.paintMessage(painter, tr("Waiting for the first rates…"), style);
        return;
    }
    paintSeries(painter, plot, style);
    paintHover(painter, plot, style);
}

void RateChart::paintSeries(QPainter& painter, const PlotFrame& frame,
                            const ChartStyle& style) const {
    const QRectF& plot = frame.plot();
    painter.save();
    // Lines keep their full width at the top and along the zero line; older points are cut off.
    painter.setClipRect(plot.adjusted(0, -2, 2, 2));
    const auto line = [&](const QList<QPointF>& points) {
        QPainterPath path;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF at = map(frame, points[i]);
            if (i == 0) {
                path.moveTo(at);
            } else {
                path.lineTo(at);
            }
        }
        return path;
    };
    const auto draw = [&](const QList<QPointF>& points, const QColor& color, bool filled) {
        if (points.size() == 1) {  // one sample: a dot, as there is no line yet
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(map(frame, points.first()), 3, 3);
            return;
        }
        const QPainterPath path = line(points);
        if (filled && !path.isEmpty()) {
            QPainterPath area = path;
            area.lineTo(map(frame, points.last()).x(), plot.bottom());
            area.lineTo(map(frame, points.first()).x(), plot.bottom());
            area.closeSubpath();
            QLinearGradient fill(plot.topLeft(), plot.bottomLeft());
            QColor top = color;
            top.setAlphaF(0.38f);
            QColor bottom = color;
            bottom.setAlphaF(0.04f);
            fill.setColorAt(0, top);
            fill.setColorAt(1, bottom);
            painter.fillPath(area, fill);
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
    };
    draw(m_download, style.series.download, true);
    draw(m_upload, style.series.upload, false);
    painter.restore();
}

void RateChart::paintHover(QPainter& painter, const PlotFrame& frame,
                           const ChartStyle& style) const {
    const qsizetype sample = sampleAt(frame, hoverPosition());
    if (sample < 0) {
        return;
    }
    const QPointF at = timeline()[sample];
    const double x = PlotFrame::snap(map(frame, at).x(), devicePixelRatioF());
    painter.save();
    painter.setPen(QPen(style.baseline, 1, Qt::DashLine));
    painter.drawLine(QPointF(x, frame.plot().top()), QPointF(x, frame.plot().bottom()));
    // A ringed dot on each line at the pointed time.
    for (const auto& [points, color] : {std::pair{&m_download, style.series.download},
                                        std::pair{&m_upload, style.series.upload}}) {
        if (const qsizetype i = nearest(*points, at.x()); i >= 0) {
            painter.setPen(QPen(style.surface, 2));
            painter.setBrush(color);
            painter.drawEllipse(QPointF(x, map(frame, (*points)[i]).y()), 4.5, 4.5);
        }
    }
    painter.restore();
    paintTooltip(painter, tooltip(sample, style), style);
}

}  // namespace netmon::gui
