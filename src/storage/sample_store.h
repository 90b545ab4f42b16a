// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "storage/breakdown_store.h"
#include "storage/history_types.h"
#include "storage/sqlite_connection.h"
#include "storage/time_buckets.h"

namespace netmon::storage {

// Writes batches of samples to an open, migrated database: the raw rows and the minute, hour
// and day rollups, all as additive UPSERTs so that rows landing on the same key (the wall clock
// went back) add up instead of overwriting. Used by the writer thread only.
class SampleStore {
public:
    static Result<SampleStore> create(Connection connection);

    // One transaction: either every sample is on disk or none is (then retry the same batch).
    // Per-host and per-process rows: at most `breakdownTopN` keys per bucket, the rest as
    // "other" (BreakdownStore).
    Result<void> write(std::span<const Sample> samples,
                       std::size_t breakdownTopN = RetentionPolicy{}.breakdownTopN);
    // Deletes what `policy` no longer keeps (applyRetention) and forgets the key ids it took.
    Result<void> applyRetention(const RetentionPolicy& policy, TimePoint now);

    Connection& connection() { return m_connection; }

private:
    enum Table { Raw, Minute, Hour, Day, TableCount };
    struct RollupSums;

    SampleStore(Connection connection, BreakdownStore breakdowns)
        : m_connection(std::move(connection)), m_breakdowns(std::move(breakdowns)) {}
    Result<std::int64_t> interfaceId(const std::string& name);
    Result<void> writeAll(std::span<const Sample> samples, std::size_t breakdownTopN);
    Result<void> writeInterface(const InterfaceSample& sample, RollupSums& sums);

    Connection m_connection;
    std::array<Statement, TableCount> m_upsert;
    Statement m_insertInterface;
    Statement m_selectInterface;
    BreakdownStore m_breakdowns;
    // Cleared when a batch rolls back (the rollback may take new rows with it). Bounded by the
    // interfaces the machine has had.
    std::unordered_map<std::string, std::int64_t> m_interfaceIds;
    LocalDayBuckets m_days;
};

}  // namespace netmon::storage
