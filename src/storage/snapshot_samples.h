// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "core/model/snapshot.h"
#include "storage/history_types.h"

namespace netmon::storage {

// The per-interface deltas of one tick, ready for HistoryWriter; interfaces without traffic data
// yet (first reading) give no sample.
std::vector<InterfaceSample> samplesFromSnapshot(const Snapshot& snapshot);

// The tick's per-process traffic, and per-host traffic when `storeHosts` (the privacy setting
// "store per-host history"); host names are the snapshot's (already masked if asked).
std::vector<BreakdownSample> breakdownSamplesFromSnapshot(const Snapshot& snapshot,
                                                          bool storeHosts);

}  // namespace netmon::storage
