// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "storage/history_types.h"
#include "storage/sqlite_handle.h"
#include "storage/time_buckets.h"

namespace netmon::storage {

// Writes batches of samples to an open, migrated database: the raw rows and the minute, hour
// and day rollups, all as additive UPSERTs so that rows landing on the same key (the wall clock
// went back) add up instead of overwriting. Used by the writer thread only.
class SampleStore {
public:
    static Result<SampleStore> create(Connection connection);

    // One transaction: either every sample is on disk or none is (then retry the same batch).
    Result<void> write(std::span<const Sample> samples);

    Connection& connection() { return m_connection; }

private:
    enum Table { Raw, Minute, Hour, Day, TableCount };
    struct RollupSums;

    explicit SampleStore(Connection connection) : m_connection(std::move(connection)) {}
    Result<std::int64_t> interfaceId(const std::string& name);
    Result<std::int64_t> breakdownId(Breakdown dimension, const std::string& name);
    Result<void> writeAll(std::span<const Sample> samples);
    Result<void> writeInterface(const InterfaceSample& sample, RollupSums& sums);

    Connection m_connection;
    std::array<Statement, TableCount> m_upsert;
    Statement m_insertInterface;
    Statement m_selectInterface;
    std::array<Statement, 2> m_upsertBreakdown;  // hour, day
    Statement m_insertBreakdownKey;
    Statement m_selectBreakdownKey;
    // Cleared when a batch rolls back (the rollback may take new rows with it).
    std::unordered_map<std::string, std::int64_t> m_interfaceIds;
    std::map<std::pair<Breakdown, std::string>, std::int64_t> m_breakdownIds;
    LocalDayBuckets m_days;
};

}  // namespace netmon::storage
