// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>

class QChart;
class QDateTimeAxis;
class QLineSeries;
class QAreaSeries;
class QValueAxis;

namespace netmon::gui {

// Download and upload over a time window, as lines over the last minute, five minutes or hour.
// The value axis picks its unit from the peak (bit/s … Gbit/s), so small rates stay readable.
class RateChart : public QChartView {
    Q_OBJECT
public:
    explicit RateChart(QWidget* parent = nullptr);

    // x: ms since the epoch; y: bit/s. The window ends at `endMs` and lasts `spanMs`.
    void setData(const QList<QPointF>& download, const QList<QPointF>& upload, double peak,
                 double endMs, double spanMs);
    [[nodiscard]] QString unit() const { return m_unit; }
    [[nodiscard]] qsizetype pointCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    static QList<QPointF> scaled(const QList<QPointF>& points, double divisor);

    QChart* m_chart;
    QLineSeries* m_download;
    QLineSeries* m_downloadBase;
    QAreaSeries* m_downloadArea;
    QLineSeries* m_upload;
    QDateTimeAxis* m_time;
    QValueAxis* m_rate;
    QString m_unit;
};

}  // namespace netmon::gui
