// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/history_codec.h"

#include "protocol/document_reader.h"
#include "protocol/json_values.h"
#include "protocol/message_limits.h"

namespace netmon::protocol {

using storage::BreakdownQuery;
using storage::BreakdownRow;
using storage::HistoryQuery;
using storage::HistoryRow;
using storage::UsageTotals;

nlohmann::json encodeHistoryQuery(const HistoryQuery& query) {
    return {
        {"interface_name", nullable(query.interfaceName)},
        {"since", nanosecondsSinceEpoch(query.since)},
        {"until", nanosecondsSinceEpoch(query.until)},
        {"resolution", nameJson(query.resolution)},
    };
}

Result<HistoryQuery> decodeHistoryQuery(const nlohmann::json& json) {
    return readDocument<HistoryQuery>(
        json, "history query", [](FieldReader& reader, HistoryQuery& out) {
            reader.text("interface_name", out.interfaceName);
            reader.time("since", out.since);
            reader.time("until", out.until);
            reader.name("resolution", out.resolution, storage::parseResolution);
        });
}

nlohmann::json encodeBreakdownQuery(const BreakdownQuery& query) {
    return {
        {"dimension", nameJson(query.dimension)},
        {"since", nanosecondsSinceEpoch(query.since)},
        {"until", nanosecondsSinceEpoch(query.until)},
        {"limit", query.limit},
    };
}

Result<BreakdownQuery> decodeBreakdownQuery(const nlohmann::json& json) {
    return readDocument<BreakdownQuery>(
        json, "breakdown query", [](FieldReader& reader, BreakdownQuery& out) {
            reader.name("dimension", out.dimension, storage::parseBreakdown);
            reader.time("since", out.since);
            reader.time("until", out.until);
            reader.integer("limit", out.limit);
        });
}

nlohmann::json encodeHistoryRows(const std::vector<HistoryRow>& rows) {
    return encodeList(rows, [](const HistoryRow& row) -> nlohmann::json {
        return {
            {"start", nanosecondsSinceEpoch(row.start)},
            {"interface_name", row.interfaceName},
            {"rx_bytes", row.rxBytes},
            {"tx_bytes", row.txBytes},
            {"rx_packets", row.rxPackets},
            {"tx_packets", row.txPackets},
        };
    });
}

Result<std::vector<HistoryRow>> decodeHistoryRows(const nlohmann::json& json) {
    return readListDocument<HistoryRow>(json, "history rows", "rows", kMaxHistoryRows,
                                        [](FieldReader& reader, HistoryRow& out) {
                                            reader.time("start", out.start);
                                            reader.text("interface_name", out.interfaceName);
                                            reader.integer("rx_bytes", out.rxBytes);
                                            reader.integer("tx_bytes", out.txBytes);
                                            reader.integer("rx_packets", out.rxPackets);
                                            reader.integer("tx_packets", out.txPackets);
                                        });
}

nlohmann::json encodeBreakdownRows(const std::vector<BreakdownRow>& rows) {
    return encodeList(rows, [](const BreakdownRow& row) -> nlohmann::json {
        return {{"name", row.name},
                {"bytes_in", row.bytesIn},
                {"bytes_out", row.bytesOut},
                {"other", row.other}};
    });
}

Result<std::vector<BreakdownRow>> decodeBreakdownRows(const nlohmann::json& json) {
    return readListDocument<BreakdownRow>(json, "breakdown rows", "rows", kMaxHistoryRows,
                                          [](FieldReader& reader, BreakdownRow& out) {
                                              reader.text("name", out.name);
                                              reader.integer("bytes_in", out.bytesIn);
                                              reader.integer("bytes_out", out.bytesOut);
                                              reader.flag("other", out.other);
                                          });
}

nlohmann::json encodeUsageTotals(const std::vector<UsageTotals>& totals) {
    return encodeList(totals, [](const UsageTotals& usage) -> nlohmann::json {
        return {
            {"interface_name", usage.interfaceName}, {"today_rx_bytes", usage.todayRxBytes},
            {"today_tx_bytes", usage.todayTxBytes},  {"month_rx_bytes", usage.monthRxBytes},
            {"month_tx_bytes", usage.monthTxBytes},
        };
    });
}

Result<std::vector<UsageTotals>> decodeUsageTotals(const nlohmann::json& json) {
    return readListDocument<UsageTotals>(json, "usage totals", "usage", kMaxListItems,
                                         [](FieldReader& reader, UsageTotals& out) {
                                             reader.text("interface_name", out.interfaceName);
                                             reader.integer("today_rx_bytes", out.todayRxBytes);
                                             reader.integer("today_tx_bytes", out.todayTxBytes);
                                             reader.integer("month_rx_bytes", out.monthRxBytes);
                                             reader.integer("month_tx_bytes", out.monthTxBytes);
                                         });
}

}  // namespace netmon::protocol
