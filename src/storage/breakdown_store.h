// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/history_types.h"
#include "storage/other_candidates.h"
#include "storage/sqlite_connection.h"
#include "storage/time_buckets.h"

namespace netmon::storage {

// Writes per-host and per-process samples into breakdown_hour and breakdown_day, keeping at
// most `limit` keys with a row of their own per bucket and dimension and the rest summed in
// one "other" row (see foldIntoBucket), so that a flood of new hosts costs a bounded number of
// rows and keys. Keys whose last row went are deleted at once. Runs inside the caller's
// transaction, on the writer thread.
//
// Memory: the key id cache is cleared beyond max(16,384, 8 × limit) names; "other"'s
// candidates are kTrackedPerRow × limit keys per bucket, for the latest two hours and days per
// dimension.
class BreakdownStore {
public:
    static Result<BreakdownStore> create(Connection& connection);

    Result<void> write(std::span<const BreakdownSample* const> samples, std::size_t limit,
                       LocalDayBuckets& days);
    // The transaction rolled back, or keys were deleted behind our back (retention): ids and
    // what "other" holds may no longer be what is on disk.
    void forget();

private:
    enum Table { Hour, Day, TableCount };
    struct Bucket {
        Table table;
        Breakdown dimension;
        std::int64_t start;
        friend auto operator<=>(const Bucket&, const Bucket&) = default;
    };
    struct BucketBatch {
        std::unordered_map<std::string, BreakdownBytes> keys;
        BreakdownBytes other;  // samples that were "other" already
    };

    BreakdownStore() = default;
    // The id of (dimension code, name) in breakdown_keys, created if new.
    Result<std::int64_t> keyId(std::int64_t dimension, const std::string& name);
    Result<void> writeBucket(const Bucket& bucket, BucketBatch batch, std::size_t limit,
                             std::vector<std::int64_t>& dropped);
    Result<void> put(Table table, std::int64_t start, std::int64_t id, const BreakdownBytes& bytes);
    // Keys whose last row went (a row dropped into "other") leave breakdown_keys.
    Result<void> deleteUnusedKeys(const std::vector<std::int64_t>& ids);
    OtherCandidates& candidatesFor(const Bucket& bucket, std::size_t limit);

    std::array<Statement, TableCount> m_select;
    std::array<Statement, TableCount> m_put;
    std::array<Statement, TableCount> m_delete;
    Statement m_insertKey;
    Statement m_selectKey;
    Statement m_deleteKeyIfUnused;
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> m_ids;
    std::map<Bucket, OtherCandidates> m_candidates;
    std::size_t m_candidatesLimit = 0;
};

}  // namespace netmon::storage
