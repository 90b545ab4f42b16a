// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/interface_stat.h"
#include "core/model/snapshot.h"
#include "core/permission_report.h"
#include "protocol/json_values.h"
#include "storage/history_types.h"

namespace netmon::protocol {

// A JSON array of `toJson(item)` for each item.
template <typename Items, typename ToJson>
nlohmann::json jsonArray(const Items& items, ToJson toJson) {
    return encodeList(items, toJson);
}

// JSON as printed: `indent` as nlohmann's dump(); a string that is not valid UTF-8 is printed
// with U+FFFD instead of throwing type_error.316. Names are made valid where they enter core;
// this is the backstop for any text that did not come through there (an argument, a message).
std::string jsonText(const nlohmann::json& value, int indent = -1);

// The machine-readable shapes of the CLI's --json and the service's "watch" format. Field names are
// snake_case and stable: scripts rely on them.
nlohmann::json interfaceJson(const InterfaceStat& interface);
// One `watch --json` line: time, sequence, warnings, flows, hosts and processes, and per
// interface its counter totals and
// bits per second over the tick and the tick's real length in seconds (null on an interface's
// first tick).
nlohmann::json watchTickJson(const Snapshot& snapshot);
nlohmann::json flowJson(const FlowStat& flow);
// Hosts and processes: "bytes_in"/"bytes_out" (and "in_bps"/"out_bps") are null when none of
// their flows had counts; "bytes_complete" ("rates_complete") is false when some flows had none,
// so a number is then a lower bound. Unknown is never printed as 0.
nlohmann::json hostJson(const HostStat& host);
nlohmann::json processJson(const ProcessStat& process);
nlohmann::json visibilityJson(const Visibility& visibility);
// Deep mode: traffic of an interface that no flow holds, and packets the capture lost.
nlohmann::json captureJson(const CaptureInterfaceStats& stats);
nlohmann::json historyRowJson(const storage::HistoryRow& row);
nlohmann::json breakdownRowJson(const storage::BreakdownRow& row);
nlohmann::json usageJson(const storage::UsageTotals& usage);
nlohmann::json permissionJson(const PermissionCheck& check);

}  // namespace netmon::protocol
