// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/types/history_request.h"
#include "protocol/history_access.h"

namespace netmon::gui {

// Runs one History screen request against the database or the service (blocking: the storage
// worker calls it) and folds the rows into bars of the requested step.
HistoryResult runHistoryQuery(protocol::HistoryAccess& reader, const HistoryRequest& request);

// The folding alone, for tests: rows of hour or day resolution into buckets of `step`.
HistoryResult foldHistoryRows(const HistoryRequest& request, std::vector<storage::HistoryRow> rows);

}  // namespace netmon::gui
