// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <chrono>
#include <deque>
#include <map>
#include <vector>

namespace netmon::gui {

// Download and upload rates over the last hour, per interface and for "all", kept for the
// dashboard's chart. Reading averages points into at most `maxPoints` buckets, so an hour at a
// 100 ms interval still draws quickly.
class RateHistory {
public:
    using TimePoint = std::chrono::system_clock::time_point;
    static constexpr std::chrono::hours kKept{1};

    struct Points {
        QList<QPointF> download;  // x: ms since the epoch, y: bit/s
        QList<QPointF> upload;
        double peak = 0;  // the highest y of both, for the axis
    };

    void add(const QString& key, TimePoint time, double downloadBps, double uploadBps);
    [[nodiscard]] Points points(const QString& key, TimePoint since, int maxPoints) const;
    [[nodiscard]] bool contains(const QString& key) const { return m_series.count(key) != 0; }
    void clear() { m_series.clear(); }

private:
    struct Sample {
        double time;  // ms since the epoch
        double download;
        double upload;
    };
    std::map<QString, std::deque<Sample>> m_series;
};

}  // namespace netmon::gui
