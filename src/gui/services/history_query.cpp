// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/history_query.h"

#include <algorithm>
#include <map>
#include <set>

#include "platform/calendar.h"

namespace netmon::gui {
namespace {

bool included(const HistoryRequest& request, const std::string& name) {
    if (request.interfaceName) {
        return name == *request.interfaceName;
    }
    return std::find(request.excluded.begin(), request.excluded.end(), name) ==
           request.excluded.end();
}

storage::TimePoint bucketStart(HistoryStep step, storage::TimePoint start) {
    // Hour and day rows already start on their bucket; months start at local month starts.
    return step == HistoryStep::Month ? localMonthStart(start) : start;
}

}  // namespace

HistoryResult foldHistoryRows(const HistoryRequest& request,
                              std::vector<storage::HistoryRow> rows) {
    HistoryResult result;
    result.request = request;
    std::set<std::string> names;
    std::map<storage::TimePoint, HistoryBucket> buckets;
    std::vector<storage::HistoryRow> kept;
    for (storage::HistoryRow& row : rows) {
        names.insert(row.interfaceName);
        if (!included(request, row.interfaceName)) {
            continue;
        }
        const storage::TimePoint start = bucketStart(request.step, row.start);
        HistoryBucket& bucket = buckets[start];
        bucket.start = start;
        bucket.rxBytes += row.rxBytes;
        bucket.txBytes += row.txBytes;
        result.rxTotal += row.rxBytes;
        result.txTotal += row.txBytes;
        kept.push_back(std::move(row));
    }
    result.rows = std::move(kept);
    result.interfaces.assign(names.begin(), names.end());
    result.buckets.reserve(buckets.size());
    for (auto& entry : buckets) {
        result.buckets.push_back(entry.second);
    }
    return result;
}

HistoryResult runHistoryQuery(protocol::HistoryAccess& reader, const HistoryRequest& request) {
    storage::HistoryQuery query;
    // Every interface is read so the screen can list them; the filter is applied when folding.
    query.since = request.since;
    query.until = request.until;
    query.resolution =
        request.step == HistoryStep::Hour ? storage::Resolution::Hour : storage::Resolution::Day;
    auto rows = reader.query(query);
    if (!rows) {
        HistoryResult failed;
        failed.request = request;
        failed.error = rows.error().describe();
        return failed;
    }
    return foldHistoryRows(request, std::move(*rows));
}

}  // namespace netmon::gui
