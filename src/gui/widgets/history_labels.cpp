// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/history_labels.h"

#include <QDateTime>
#include <algorithm>
#include <chrono>

namespace netmon::gui {
namespace {

QDateTime localTime(storage::TimePoint start) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(ms.count());
}

const QList<int>& ladder(HistoryStep step) {
    static const QList<int> kHours{1, 2, 3, 4, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 2880};
    static const QList<int> kDays{1, 2, 3, 7, 14, 28, 56, 91, 182, 364, 728};
    static const QList<int> kMonths{1, 2, 3, 6, 12, 24, 60, 120};
    switch (step) {
        case HistoryStep::Hour:
            return kHours;
        case HistoryStep::Day:
            return kDays;
        case HistoryStep::Month:
            break;
    }
    return kMonths;
}

}  // namespace

QString HistoryLabels::bucketLabel(storage::TimePoint start, HistoryStep step, bool withDate) {
    const QDateTime time = localTime(start);
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

HistoryLabels::HistoryLabels(const std::vector<HistoryBucket>& buckets, HistoryStep step)
    : m_step(step) {
    m_bars.reserve(buckets.size());
    for (const HistoryBucket& bucket : buckets) {
        const QDateTime time = localTime(bucket.start);
        Bar bar;
        bar.text = bucketLabel(bucket.start, step, false);
        bar.dated = bucketLabel(bucket.start, step, true);
        bar.day = bucketLabel(bucket.start, HistoryStep::Day, false);
        bar.julianDay = time.date().toJulianDay();
        bar.hour = time.time().hour();
        bar.weekday = time.date().dayOfWeek();
        bar.month = time.date().month();
        m_bars.push_back(bar);
    }
}

QString HistoryLabels::fullLabel(std::size_t bar) const {
    return bar < m_bars.size() ? m_bars[bar].dated : QString();
}

// Whether a bar is a good place to start labelling every `every`-th bar from.
bool HistoryLabels::round(const Bar& bar, int every) const {
    switch (m_step) {
        case HistoryStep::Hour:
            return bar.hour % std::min(every, 24) == 0;
        case HistoryStep::Day:
            return every % 7 != 0 || bar.weekday == 1;
        case HistoryStep::Month:
            break;
    }
    return every > 12 || 12 % every != 0 || (bar.month - 1) % every == 0;
}

QList<AxisLabel> HistoryLabels::every(int n, const PlotFrame& frame, double slotWidth) const {
    const auto count = static_cast<int>(m_bars.size());
    int first = 0;
    for (int i = 0; i < std::min(n, count); ++i) {
        if (round(m_bars[static_cast<std::size_t>(i)], n)) {
            first = i;
            break;
        }
    }
    QList<AxisLabel> labels;
    qint64 lastDay = -1;
    for (int i = first; i < count; i += n) {
        const Bar& bar = m_bars[static_cast<std::size_t>(i)];
        const double x = frame.plot().left() + (i + 0.5) * slotWidth;
        if (m_step != HistoryStep::Hour) {
            labels.append({x, bar.text});
        } else if (n >= 24) {
            labels.append({x, bar.day});  // midnights only: "00:00" would say nothing
        } else {
            labels.append({x, bar.julianDay != lastDay ? bar.dated : bar.text});
        }
        lastDay = bar.julianDay;
    }
    return labels;
}

QList<AxisLabel> HistoryLabels::choose(const PlotFrame& frame, double slotWidth) const {
    if (m_bars.empty() || !(slotWidth > 0)) {
        return {};
    }
    for (const int n : ladder(m_step)) {
        QList<AxisLabel> labels = every(n, frame, slotWidth);
        if (frame.place(labels, PlotFrame::Edge::Clamp).size() == labels.size()) {
            return labels;
        }
    }
    return every(static_cast<int>(m_bars.size()), frame, slotWidth);  // the first bar only
}

}  // namespace netmon::gui
