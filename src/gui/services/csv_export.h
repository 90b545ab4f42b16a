// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "gui/types/history_request.h"

namespace netmon::gui {

// The rows behind the History screen's chart, one line per interface and bucket:
// start_local,start_utc,interface,rx_bytes,tx_bytes,rx_packets,tx_packets
std::string historyCsv(const HistoryResult& result);

// Writes historyCsv() to `path` (replacing it). Blocking: the storage worker calls it.
Result<void> writeHistoryCsv(const std::filesystem::path& path, const HistoryResult& result);

}  // namespace netmon::gui
