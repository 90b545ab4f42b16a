// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <vector>

#include "gui/types/history_request.h"

class QLabel;
class QStackedWidget;

namespace netmon::gui {

class HistoryChart;

// The History screen's panel: the bars, or in their place a message (loading, nothing recorded
// yet, the query failed).
class HistoryChartPanel : public QFrame {
    Q_OBJECT
public:
    explicit HistoryChartPanel(QWidget* parent = nullptr);

    // The bars, or when there are none, that nothing was recorded in the range.
    void showBuckets(const std::vector<HistoryBucket>& buckets, HistoryStep step);
    void showMessage(const QString& text);
    [[nodiscard]] HistoryChart* chart() const { return m_chart; }

private:
    HistoryChart* m_chart;
    QLabel* m_message;
    QStackedWidget* m_stack;
};

}  // namespace netmon::gui
