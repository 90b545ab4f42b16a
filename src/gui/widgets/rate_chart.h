// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QStringList>
#include <optional>

#include "gui/widgets/axis_scale.h"
#include "gui/widgets/chart_widget.h"

namespace netmon::gui {

class PlotFrame;
struct ChartTooltip;

// Download and upload over a time window (the last minute, five minutes or hour): download as a
// filled area, upload as a line, clock times underneath. The value axis picks its unit from the
// peak (bit/s … Tbit/s), so small rates stay readable. Pointing at the chart shows both rates at
// the nearest sample.
class RateChart : public ChartWidget {
    Q_OBJECT
public:
    explicit RateChart(QWidget* parent = nullptr);

    // x: ms since the epoch; y: bit/s. The window ends at `endMs` and lasts `spanMs`.
    void setData(const QList<QPointF>& download, const QList<QPointF>& upload, double peak,
                 double endMs, double spanMs);
    [[nodiscard]] QString unit() const { return m_scale.unit; }
    [[nodiscard]] qsizetype pointCount() const { return m_download.size(); }

    // What is drawn at the current size.
    [[nodiscard]] QRectF plotArea() const;
    [[nodiscard]] QStringList valueLabels() const;  // bottom to top, "0" … "15 Mbit/s"
    [[nodiscard]] QStringList timeLabels() const;   // left to right
    // "14:03:27\nDownload 12.5 Mbit/s\nUpload 1.50 Mbit/s" for the sample nearest `pos` (widget
    // coordinates); empty off the plot or without data.
    [[nodiscard]] QString toolTipAt(const QPointF& pos) const;

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] PlotFrame frame() const;
    [[nodiscard]] double startMs() const { return m_endMs - m_spanMs; }
    // The series whose samples the tooltip names: download, or upload where it is alone.
    [[nodiscard]] const QList<QPointF>& timeline() const;
    [[nodiscard]] QPointF map(const PlotFrame& frame, const QPointF& point) const;
    // The sample nearest `pos`, or -1.
    [[nodiscard]] qsizetype sampleAt(const PlotFrame& frame,
                                     const std::optional<QPointF>& pos) const;
    [[nodiscard]] ChartTooltip tooltip(qsizetype sample, const ChartStyle& style) const;
    void paintSeries(QPainter& painter, const PlotFrame& frame, const ChartStyle& style) const;
    void paintHover(QPainter& painter, const PlotFrame& frame, const ChartStyle& style) const;

    QList<QPointF> m_download;  // finite points only, in bit/s
    QList<QPointF> m_upload;
    AxisScale m_scale = bitRateAxis(0);
    double m_endMs = 0;
    double m_spanMs = 0;
};

}  // namespace netmon::gui
