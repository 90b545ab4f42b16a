// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/result.h"
#include "storage/history_types.h"

namespace netmon::protocol {

// History's questions and answers as JSON and back, by the rules of snapshot_codec.h: names
// in snake_case, times as integer nanoseconds since the Unix epoch, enums by name, an absent
// interface name as null. Decoding never throws and names the field it refuses; row lists
// longer than kMaxHistoryRows are refused.
nlohmann::json encodeHistoryQuery(const storage::HistoryQuery& query);
Result<storage::HistoryQuery> decodeHistoryQuery(const nlohmann::json& json);

nlohmann::json encodeBreakdownQuery(const storage::BreakdownQuery& query);
Result<storage::BreakdownQuery> decodeBreakdownQuery(const nlohmann::json& json);

// The lists are JSON arrays of objects.
nlohmann::json encodeHistoryRows(const std::vector<storage::HistoryRow>& rows);
Result<std::vector<storage::HistoryRow>> decodeHistoryRows(const nlohmann::json& json);

nlohmann::json encodeBreakdownRows(const std::vector<storage::BreakdownRow>& rows);
Result<std::vector<storage::BreakdownRow>> decodeBreakdownRows(const nlohmann::json& json);

nlohmann::json encodeUsageTotals(const std::vector<storage::UsageTotals>& totals);
Result<std::vector<storage::UsageTotals>> decodeUsageTotals(const nlohmann::json& json);

}  // namespace netmon::protocol
