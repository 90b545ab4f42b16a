// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/time_axis.h"

#include <QDateTime>
#include <algorithm>
#include <array>
#include <cmath>

namespace netmon::gui {

QList<AxisLabel> timeAxisLabels(double startMs, double endMs, const PlotFrame& frame) {
    static constexpr std::array<int, 18> kSteps{
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    QList<AxisLabel> labels;
    const QRectF& plot = frame.plot();
    if (!(endMs > startMs) || !std::isfinite(startMs) || !std::isfinite(endMs) ||
        plot.width() <= 0) {
        return labels;
    }
    constexpr double kMinSpacing = 80;  // so a wide chart is not crowded with labels either
    const double pixelsPerMs = plot.width() / (endMs - startMs);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(endMs));
    double stepMs = 0;
    QString format;
    for (const int seconds : kSteps) {
        format = seconds < 60 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
        stepMs = seconds * 1000.0;
        const double needed =
            std::max(kMinSpacing, frame.textWidth(end.toString(format)) + PlotFrame::kLabelGap);
        if (stepMs * pixelsPerMs >= needed) {
            break;
        }
    }
    // Round in local time, so a 10-minute step lands on :00, :10 … wherever the zone is.
    const double offsetMs = end.offsetFromUtc() * 1000.0;
    double time = std::ceil((startMs + offsetMs) / stepMs) * stepMs - offsetMs;
    for (int i = 0; time <= endMs && i < 200; ++i, time += stepMs) {
        const QDateTime at =
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(time)));
        labels.append({plot.left() + (time - startMs) * pixelsPerMs, at.toString(format)});
    }
    return labels;
}

}  // namespace netmon::gui
