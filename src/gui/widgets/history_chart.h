// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QStringList>
#include <vector>

#include "app/history_request.h"

class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QChart;
class QValueAxis;

namespace netmon::gui {

// Received and sent bytes per hour, day or month as paired bars. Only every n-th bar is
// labelled so the labels never overlap, however many bars the range has.
class HistoryChart : public QChartView {
    Q_OBJECT
public:
    explicit HistoryChart(QWidget* parent = nullptr);

    void setBuckets(const std::vector<HistoryBucket>& buckets, HistoryStep step);
    [[nodiscard]] int barCount() const;
    [[nodiscard]] QString unit() const { return m_unit; }

    // The label of a bucket's start, e.g. "14:00", "Tue 26", "Nov 2026".
    static QString bucketLabel(storage::TimePoint start, HistoryStep step, bool withDate);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyPalette();
    void relabel();

    QChart* m_chart;
    QBarSeries* m_series;
    QBarSet* m_received;
    QBarSet* m_sent;
    QCategoryAxis* m_time;
    QValueAxis* m_bytes;
    QStringList m_labels;
    QStringList m_datedLabels;  // used where a short label would repeat
    QString m_unit;
};

}  // namespace netmon::gui
