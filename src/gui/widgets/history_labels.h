// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <vector>

#include "gui/types/history_request.h"
#include "gui/widgets/plot_frame.h"

namespace netmon::gui {

// The names of a history chart's bars along its time axis. Every n-th bar is labelled, n the
// smallest of a round series (hours 1, 2, 3, 4, 6, 12, 24 …; days 1, 2, 3, 7, 14 …; months 1, 2,
// 3, 6, 12 …) at which the labels keep clear of each other; hours are labelled on round hours
// (00:00, 06:00 …) and carry the date where the day changes (only the date where only midnights
// are labelled), weeks start on Mondays.
class HistoryLabels {
public:
    HistoryLabels() = default;
    HistoryLabels(const std::vector<HistoryBucket>& buckets, HistoryStep step);

    // The label of a bucket's start, e.g. "14:00", "Tue 26, 14:00", "Tue 26 Nov", "Nov 2026".
    static QString bucketLabel(storage::TimePoint start, HistoryStep step, bool withDate);

    // The labels for the bars, one per `slotWidth` from the frame's plot's left edge.
    [[nodiscard]] QList<AxisLabel> choose(const PlotFrame& frame, double slotWidth) const;
    // A bar's full name, for its tooltip.
    [[nodiscard]] QString fullLabel(std::size_t bar) const;

private:
    struct Bar {
        QString text;          // short: "14:00"
        QString dated;         // with the date: "Tue 26, 14:00"
        QString day;           // the date alone: "Tue 26 Nov"
        qint64 julianDay = 0;  // to see where the date changes
        int hour = 0;
        int weekday = 1;  // Monday 1 … Sunday 7
        int month = 1;
    };
    [[nodiscard]] bool round(const Bar& bar, int every) const;
    [[nodiscard]] QList<AxisLabel> every(int n, const PlotFrame& frame, double slotWidth) const;

    std::vector<Bar> m_bars;
    HistoryStep m_step = HistoryStep::Day;
};

}  // namespace netmon::gui
