// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/rate_history.h"

#include <algorithm>
#include <cmath>

namespace netmon::gui {
namespace {

double epochMs(RateHistory::TimePoint time) {
    return static_cast<double>(
        std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count());
}

}  // namespace

void RateHistory::add(const QString& key, TimePoint time, double downloadBps, double uploadBps) {
    std::deque<Sample>& series = m_series[key];
    const double now = epochMs(time);
    series.push_back(Sample{now, downloadBps, uploadBps});
    const double oldest =
        now -
        static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(kKept).count());
    while (!series.empty() && series.front().time < oldest) {
        series.pop_front();
    }
}

RateHistory::Points RateHistory::points(const QString& key, TimePoint since, int maxPoints) const {
    Points result;
    const auto found = m_series.find(key);
    if (found == m_series.end() || maxPoints <= 0) {
        return result;
    }
    const std::deque<Sample>& series = found->second;
    const double start = epochMs(since);
    auto first = std::lower_bound(series.begin(), series.end(), start,
                                  [](const Sample& sample, double t) { return sample.time < t; });
    const auto count = static_cast<std::size_t>(std::distance(first, series.end()));
    // Average runs of `step` samples: the chart keeps its shape and the total area.
    const std::size_t step = std::max<std::size_t>(
        1, (count + static_cast<std::size_t>(maxPoints) - 1) / static_cast<std::size_t>(maxPoints));
    result.download.reserve(static_cast<qsizetype>(count / step + 1));
    result.upload.reserve(static_cast<qsizetype>(count / step + 1));
    for (auto it = first; it != series.end();) {
        double time = 0;
        double download = 0;
        double upload = 0;
        std::size_t n = 0;
        for (; it != series.end() && n < step; ++it, ++n) {
            time = it->time;
            download += it->download;
            upload += it->upload;
        }
        const auto divisor = static_cast<double>(n);
        result.download.append(QPointF(time, download / divisor));
        result.upload.append(QPointF(time, upload / divisor));
        result.peak = std::max({result.peak, download / divisor, upload / divisor});
    }
    return result;
}

}  // namespace netmon::gui
