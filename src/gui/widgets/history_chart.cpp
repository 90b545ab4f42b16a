// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/history_chart.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QEvent>
#include <QGraphicsLayout>
#include <QValueAxis>
#include <algorithm>

#include "widgets/axis_scale.h"
#include "widgets/chart_style.h"

namespace netmon::gui {

HistoryChart::HistoryChart(QWidget* parent)
    : QChartView(parent),
      m_chart(new QChart),
      m_series(new QBarSeries),
      m_received(new QBarSet(tr("Received"))),
      m_sent(new QBarSet(tr("Sent"))),
      m_time(new QCategoryAxis),
      m_bytes(new QValueAxis) {
    m_series->append(m_received);
    m_series->append(m_sent);
    m_series->setBarWidth(0.85);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_bytes, Qt::AlignLeft);
    m_series->attachAxis(m_time);
    m_series->attachAxis(m_bytes);
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_time->setGridLineVisible(false);
    m_bytes->setLabelFormat(QStringLiteral("%g"));
    m_bytes->setTickCount(5);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(0, 0, 4, 0));
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    applyPalette();
}

QString HistoryChart::bucketLabel(storage::TimePoint start, HistoryStep step, bool withDate) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch());
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms.count());
    switch (step) {
        case HistoryStep::Hour:
            return withDate ? time.toString(QStringLiteral("ddd d, HH:mm"))
                            : time.toString(QStringLiteral("HH:mm"));
        case HistoryStep::Day:
            return time.toString(QStringLiteral("ddd d MMM"));
        case HistoryStep::Month:
            break;
    }
    return time.toString(QStringLiteral("MMM yyyy"));
}

void HistoryChart::setBuckets(const std::vector<HistoryBucket>& buckets, HistoryStep step) {
    double peak = 0;
    for (const HistoryBucket& bucket : buckets) {
        peak = std::max(
            {peak, static_cast<double>(bucket.rxBytes), static_cast<double>(bucket.txBytes)});
    }
    const AxisScale scale = byteAxis(peak);
    m_unit = scale.unit;
    QList<qreal> received;
    QList<qreal> sent;
    m_labels.clear();
    m_datedLabels.clear();
    QString lastDay;
    for (const HistoryBucket& bucket : buckets) {
        received.append(static_cast<double>(bucket.rxBytes) / scale.divisor);
        sent.append(static_cast<double>(bucket.txBytes) / scale.divisor);
        // Hour labels carry the date where the day changes.
        const QString day = bucketLabel(bucket.start, HistoryStep::Day, false);
        m_labels.append(
            bucketLabel(bucket.start, step, step == HistoryStep::Hour && day != lastDay));
        m_datedLabels.append(bucketLabel(bucket.start, step, true));
        lastDay = day;
    }
    m_received->remove(0, m_received->count());
    m_sent->remove(0, m_sent->count());
    m_received->append(received);
    m_sent->append(sent);
    m_bytes->setRange(0, scale.max);
    m_bytes->setTitleText(scale.unit);
    relabel();
}

int HistoryChart::barCount() const {
    return static_cast<int>(m_received->count());
}

// Every n-th bar gets its label, n chosen from the plot's width and the longest label.
void HistoryChart::relabel() {
    for (const QString& label : m_time->categoriesLabels()) {
        m_time->remove(label);
    }
    const int count = static_cast<int>(m_labels.size());
    m_time->setStartValue(-0.5);
    m_time->setRange(-0.5, std::max(0.5, count - 0.5));
    if (count == 0) {
        return;
    }
    int longest = 1;
    for (const QString& label : m_labels) {
        longest = std::max(longest, fontMetrics().horizontalAdvance(label));
    }
    const double plotWidth = std::max(100.0, m_chart->plotArea().width());
    const int fit = std::max(1, static_cast<int>(plotWidth / (longest + 24)));
    const int every = std::max(1, (count + fit - 1) / fit);
    QStringList used;  // the axis takes each label once
    for (int i = 0; i < count; i += every) {
        const QString& label = used.contains(m_labels[i]) ? m_datedLabels[i] : m_labels[i];
        if (!used.contains(label)) {
            m_time->append(label, i);
            used.append(label);
        }
    }
}

void HistoryChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    relabel();
}

void HistoryChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    // A theme switch sets the application palette and style sheet: either event may come first.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
    }
}

void HistoryChart::applyPalette() {
    // The theme's palette: the style sheet may have given this view a palette of its own.
    const QPalette theme = QApplication::palette();
    styleChart(*m_chart, theme);
    const ChartColors colors = chartColors(theme);
    m_received->setColor(colors.download);
    m_received->setBorderColor(colors.download);
    m_sent->setColor(colors.upload);
    m_sent->setBorderColor(colors.upload);
}

}  // namespace netmon::gui
