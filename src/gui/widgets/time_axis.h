// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "gui/widgets/plot_frame.h"

namespace netmon::gui {

// Clock times under a time window from `startMs` to `endMs` (ms since the epoch) drawn across the
// frame's plot: one every 10 s, 1 min, 10 min … — the shortest round step at which they keep
// clear of each other — on round local times ("14:02:10", "14:02:20"; "14:00", "14:10").
QList<AxisLabel> timeAxisLabels(double startMs, double endMs, const PlotFrame& frame);

}  // namespace netmon::gui
