// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/rate_chart.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include "widgets/axis_scale.h"
#include "widgets/chart_style.h"

namespace netmon::gui {

RateChart::RateChart(QWidget* parent)
    : QChartView(parent),
      m_chart(new QChart),
      m_download(new QLineSeries(this)),
      m_downloadBase(new QLineSeries(this)),
      m_downloadArea(new QAreaSeries(m_download, m_downloadBase)),
      m_upload(new QLineSeries),
      m_time(new QDateTimeAxis),
      m_rate(new QValueAxis) {
    m_downloadArea->setName(tr("Download"));
    m_upload->setName(tr("Upload"));
    m_chart->addSeries(m_downloadArea);
    m_chart->addSeries(m_upload);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_rate, Qt::AlignLeft);
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(m_downloadArea), static_cast<QAbstractSeries*>(m_upload)}) {
        series->attachAxis(m_time);
        series->attachAxis(m_rate);
    }
    m_time->setFormat(QStringLiteral("HH:mm:ss"));
    m_time->setTickCount(5);
    m_rate->setTickCount(5);
    m_rate->setLabelFormat(QStringLiteral("%g"));
    m_rate->setRange(0, 1);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(0, 0, 4, 0));
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    applyPalette();
}

QList<QPointF> RateChart::scaled(const QList<QPointF>& points, double divisor) {
    QList<QPointF> result;
    result.reserve(points.size());
    for (const QPointF& point : points) {
        result.append(QPointF(point.x(), point.y() / divisor));
    }
    return result;
}

void RateChart::setData(const QList<QPointF>& download, const QList<QPointF>& upload, double peak,
                        double endMs, double spanMs) {
    const AxisScale scale = bitRateAxis(peak);
    m_unit = scale.unit;
    m_rate->setRange(0, scale.max);
    m_rate->setTitleText(scale.unit);
    const QList<QPointF> downloadPoints = scaled(download, scale.divisor);
    QList<QPointF> base;
    base.reserve(downloadPoints.size());
    for (const QPointF& point : downloadPoints) {
        base.append(QPointF(point.x(), 0));
    }
    m_download->replace(downloadPoints);
    m_downloadBase->replace(base);
    m_upload->replace(scaled(upload, scale.divisor));
    m_time->setFormat(spanMs > 10 * 60 * 1000.0 ? QStringLiteral("HH:mm")
                                                : QStringLiteral("HH:mm:ss"));
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(endMs - spanMs)),
                     QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(endMs)));
}

qsizetype RateChart::pointCount() const {
    return m_download->count();
}

void RateChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    // A theme switch sets the application palette and style sheet: either event may come first.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
    }
}

void RateChart::applyPalette() {
    // The theme's palette: the style sheet may have given this view a palette of its own.
    const QPalette theme = QApplication::palette();
    styleChart(*m_chart, theme);
    const ChartColors colors = chartColors(theme);
    QColor fill = colors.download;
    fill.setAlphaF(0.22f);
    m_downloadArea->setBrush(fill);
    m_downloadArea->setPen(QPen(colors.download, 2));
    m_upload->setPen(QPen(colors.upload, 2));
}

}  // namespace netmon::gui
