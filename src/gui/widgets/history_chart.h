// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QStringList>
#include <optional>
#include <vector>

#include "gui/types/history_request.h"
#include "gui/widgets/axis_scale.h"
#include "gui/widgets/chart_widget.h"
#include "gui/widgets/history_labels.h"

namespace netmon::gui {

class PlotFrame;
struct ChartTooltip;

// Received and sent bytes per hour, day or month as paired bars. Only every n-th bar is
// labelled so the labels never overlap, however many bars the range has (HistoryLabels).
// Pointing at a bar shows its figures.
class HistoryChart : public ChartWidget {
    Q_OBJECT
public:
    explicit HistoryChart(QWidget* parent = nullptr);

    void setBuckets(const std::vector<HistoryBucket>& buckets, HistoryStep step);
    [[nodiscard]] int barCount() const { return static_cast<int>(m_buckets.size()); }
    [[nodiscard]] QString unit() const { return m_scale.unit; }

    // The label of a bucket's start, e.g. "14:00", "Tue 26, 14:00", "Tue 26 Nov", "Nov 2026".
    static QString bucketLabel(storage::TimePoint start, HistoryStep step, bool withDate) {
        return HistoryLabels::bucketLabel(start, step, withDate);
    }

    // What is drawn at the current size.
    [[nodiscard]] QRectF plotArea() const;
    [[nodiscard]] QStringList valueLabels() const;       // bottom to top, "0" … "4 GiB"
    [[nodiscard]] QStringList timeLabels() const;        // the bars' labels shown, left to right
    [[nodiscard]] QList<QRectF> timeLabelRects() const;  // where they are drawn
    // "Tue 26, 14:00\nReceived 1.20 GiB\nSent 150 MiB" for the bar under `pos` (widget
    // coordinates); empty off the bars.
    [[nodiscard]] QString toolTipAt(const QPointF& pos) const;

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] PlotFrame frame() const;
    [[nodiscard]] double slotWidth(const PlotFrame& frame) const;
    [[nodiscard]] const QList<AxisLabel>& axisLabels(const PlotFrame& frame) const;
    // The bar under `pos`, or -1.
    [[nodiscard]] int barAt(const PlotFrame& frame, const std::optional<QPointF>& pos) const;
    [[nodiscard]] ChartTooltip tooltip(int bar, const ChartStyle& style) const;
    void paintBars(QPainter& painter, const PlotFrame& frame, const ChartStyle& style) const;

    std::vector<HistoryBucket> m_buckets;
    HistoryLabels m_labels;
    AxisScale m_scale = byteAxis(0);
    // The axis labels for one size and font: choosing them measures many texts.
    mutable std::optional<QSize> m_labelsSize;
    mutable QList<AxisLabel> m_axisLabels;
};

}  // namespace netmon::gui
