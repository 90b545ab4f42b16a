// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "core/result.h"
#include "storage/history_types.h"

namespace netmon::storage {

// Queries the history database read-only; safe beside a running HistoryWriter (WAL).
class HistoryReader {
public:
    // A missing file is an error that says how history gets recorded; a newer schema is refused.
    static Result<std::unique_ptr<HistoryReader>> open(const std::filesystem::path& path);
    ~HistoryReader();
    HistoryReader(const HistoryReader&) = delete;
    HistoryReader& operator=(const HistoryReader&) = delete;

    // Rows ordered by start time, then interface name.
    Result<std::vector<HistoryRow>> query(const HistoryQuery& query);
    // Per-host or per-process totals over a range (whole hours), the top `limit` by bytes, then
    // (when not zero) one row marked `other`: what history kept only as "other" (beyond the top
    // N per hour, RetentionPolicy::breakdownTopN).
    Result<std::vector<BreakdownRow>> breakdown(const BreakdownQuery& query);
    // Today's and this month's totals per interface, by the local calendar at `now`.
    Result<std::vector<UsageTotals>> usage(TimePoint now);

    class Impl;

private:
    explicit HistoryReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace netmon::storage
