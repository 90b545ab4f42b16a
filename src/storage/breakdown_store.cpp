// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/breakdown_store.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "storage/breakdown_fold.h"
#include "storage/breakdown_keys.h"

namespace netmon::storage {
namespace {

constexpr std::array<const char*, 2> kTables{"breakdown_hour", "breakdown_day"};

// Past this many names (or 8 × the limit) the key id cache starts again: a long-running agent
// meets many hosts, and a miss costs only two indexed statements.
constexpr std::size_t kMinCachedIds = 16'384;
// Buckets per table and dimension whose "other" candidates are kept: the current one and the
// one before (a batch may straddle the hour).
constexpr std::size_t kCandidateBuckets = 2;

std::string selectSql(const char* table) {
    return std::string("SELECT k.dimension, k.id, k.name, b.bytes_in, b.bytes_out FROM ") + table +
           " AS b JOIN breakdown_keys AS k ON k.id = b.key_id"
           " WHERE b.ts = ?1 AND k.dimension IN (?2, ?3)";
}

std::string putSql(const char* table) {
    return std::string("INSERT INTO ") + table +
           " (ts, key_id, bytes_in, bytes_out) VALUES (?1, ?2, ?3, ?4)"
           " ON CONFLICT (ts, key_id) DO UPDATE SET bytes_in = excluded.bytes_in,"
           " bytes_out = excluded.bytes_out";
}

std::string deleteSql(const char* table) {
    return std::string("DELETE FROM ") + table + " WHERE ts = ?1 AND key_id = ?2";
}

}  // namespace

Result<BreakdownStore> BreakdownStore::create(Connection& connection) {
    BreakdownStore store;
    for (std::size_t table = 0; table < kTables.size(); ++table) {
        auto select = connection.prepare(selectSql(kTables[table]));
        auto put = connection.prepare(putSql(kTables[table]));
        auto remove = connection.prepare(deleteSql(kTables[table]));
        for (auto* statement : {&select, &put, &remove}) {
            if (!*statement) {
                return tl::unexpected(statement->error());
            }
        }
        store.m_select[table] = std::move(*select);
        store.m_put[table] = std::move(*put);
        store.m_delete[table] = std::move(*remove);
    }
    auto insertKey = connection.prepare(
        "INSERT INTO breakdown_keys (dimension, name) VALUES (?1, ?2)"
        " ON CONFLICT (dimension, name) DO NOTHING");
    auto selectKey =
        connection.prepare("SELECT id FROM breakdown_keys WHERE dimension = ?1 AND name = ?2");
    // Indexed by migration 4, so this is two lookups, not a scan.
    auto deleteKey = connection.prepare(
        "DELETE FROM breakdown_keys WHERE id = ?1"
        " AND NOT EXISTS (SELECT 1 FROM breakdown_hour WHERE key_id = ?1)"
        " AND NOT EXISTS (SELECT 1 FROM breakdown_day WHERE key_id = ?1)");
    for (auto* statement : {&insertKey, &selectKey, &deleteKey}) {
        if (!*statement) {
            return tl::unexpected(statement->error());
        }
    }
    store.m_insertKey = std::move(*insertKey);
    store.m_selectKey = std::move(*selectKey);
    store.m_deleteKeyIfUnused = std::move(*deleteKey);
    return store;
}

void BreakdownStore::forget() {
    m_ids.clear();
    m_candidates.clear();
}

Result<std::int64_t> BreakdownStore::keyId(std::int64_t dimension, const std::string& name) {
    auto key = std::make_pair(dimension, name);
    if (auto found = m_ids.find(key); found != m_ids.end()) {
        return found->second;
    }
    m_insertKey.bind(1, dimension);
    m_insertKey.bind(2, name);
    if (auto inserted = m_insertKey.run(); !inserted) {
        return tl::unexpected(inserted.error());
    }
    m_selectKey.bind(1, dimension);
    m_selectKey.bind(2, name);
    auto row = m_selectKey.step();
    const std::int64_t id = row && *row ? m_selectKey.int64At(0) : -1;
    m_selectKey.reset();
    if (!row) {
        return tl::unexpected(row.error());
    }
    m_ids.emplace(std::move(key), id);
    return id;
}

OtherCandidates& BreakdownStore::candidatesFor(const Bucket& bucket, std::size_t limit) {
    if (limit != m_candidatesLimit) {
        m_candidates.clear();  // sized for the old limit
        m_candidatesLimit = limit;
    }
    auto [found, created] = m_candidates.try_emplace(bucket, kTrackedPerRow * limit);
    if (created) {
        // Keep the latest buckets of this table and dimension; older ones are closed.
        std::vector<std::map<Bucket, OtherCandidates>::iterator> same;
        for (auto it = m_candidates.begin(); it != m_candidates.end(); ++it) {
            if (it->first.table == bucket.table && it->first.dimension == bucket.dimension) {
                same.push_back(it);  // in bucket order
            }
        }
        for (std::size_t i = 0; i + kCandidateBuckets < same.size(); ++i) {
            if (same[i] != found) {
                m_candidates.erase(same[i]);
            }
        }
    }
    return found->second;
}

Result<void> BreakdownStore::put(Table table, std::int64_t start, std::int64_t id,
                                 const BreakdownBytes& bytes) {
    Statement& statement = m_put[table];
    statement.bind(1, start);
    statement.bind(2, id);
    statement.bind(3, bytes.in);
    statement.bind(4, bytes.out);
    return statement.run();
}

Result<void> BreakdownStore::writeBucket(const Bucket& bucket, BucketBatch batch, std::size_t limit,
                                         std::vector<std::int64_t>& dropped) {
    const std::int64_t named = keyDimension(bucket.dimension);
    const std::int64_t other = otherKeyDimension(bucket.dimension);
    BucketRows rows;
    std::unordered_map<std::string, std::int64_t> ids;
    Statement& select = m_select[bucket.table];
    select.bind(1, bucket.start);
    select.bind(2, named);
    select.bind(3, other);
    for (;;) {
        auto row = select.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        const BreakdownBytes bytes{select.int64At(3), select.int64At(4)};
        if (select.int64At(0) == other) {
            rows.other += bytes;
            continue;
        }
        std::string name = select.textAt(2);
        ids.emplace(name, select.int64At(1));
        rows.named.emplace(std::move(name), bytes);
    }
    select.reset();

    const BucketRows before = rows;
    foldIntoBucket(rows,
                   BatchBytes(std::make_move_iterator(batch.keys.begin()),
                              std::make_move_iterator(batch.keys.end())),
                   limit, candidatesFor(bucket, limit));
    rows.other += batch.other;  // what a tick already summed as "other" (keepLargest)

    for (const auto& [name, bytes] : before.named) {
        if (!rows.named.contains(name)) {
            const std::int64_t id = ids.at(name);
            Statement& remove = m_delete[bucket.table];
            remove.bind(1, bucket.start);
            remove.bind(2, id);
            if (auto done = remove.run(); !done) {
                return done;
            }
            dropped.push_back(id);
        }
    }
    for (const auto& [name, bytes] : rows.named) {
        const auto old = before.named.find(name);
        if (old != before.named.end() && old->second == bytes) {
            continue;
        }
        const auto known = ids.find(name);
        auto id = known != ids.end() ? Result<std::int64_t>(known->second) : keyId(named, name);
        if (!id) {
            return tl::unexpected(id.error());
        }
        if (auto done = put(bucket.table, bucket.start, *id, bytes); !done) {
            return done;
        }
    }
    if (rows.other != before.other) {
        auto id = keyId(other, kOtherKeyName);
        if (!id) {
            return tl::unexpected(id.error());
        }
        return put(bucket.table, bucket.start, *id, rows.other);
    }
    return {};
}

Result<void> BreakdownStore::deleteUnusedKeys(const std::vector<std::int64_t>& ids) {
    for (const std::int64_t id : ids) {
        m_deleteKeyIfUnused.bind(1, id);
        if (auto done = m_deleteKeyIfUnused.run(); !done) {
            return done;
        }
    }
    // Whether or not a key went, its cached id is dropped: cheaper than asking which did.
    const std::unordered_set<std::int64_t> gone(ids.begin(), ids.end());
    std::erase_if(m_ids, [&](const auto& entry) { return gone.contains(entry.second); });
    return {};
}

Result<void> BreakdownStore::write(std::span<const BreakdownSample* const> samples,
                                   std::size_t limit, LocalDayBuckets& days) {
    limit = std::max<std::size_t>(limit, 1);
    if (m_ids.size() > std::max(kMinCachedIds, 8 * limit)) {
        m_ids.clear();
    }
    // The batch summed per bucket and key first: one fold per bucket, not per sample.
    std::map<Bucket, BucketBatch> sums;
    for (const BreakdownSample* sample : samples) {
        const std::int64_t ms = toUnixMs(sample->time);
        // SQLite integers are signed 64-bit; no host moves 2^63 bytes in one tick.
        const BreakdownBytes bytes{static_cast<std::int64_t>(sample->bytesIn),
                                   static_cast<std::int64_t>(sample->bytesOut)};
        for (const Bucket& bucket : {Bucket{Hour, sample->dimension, bucketStart(ms, kHourMs)},
                                     Bucket{Day, sample->dimension, days.dayStart(ms)}}) {
            BucketBatch& batch = sums[bucket];
            (sample->other ? batch.other : batch.keys[sample->name]) += bytes;
        }
    }
    std::vector<std::int64_t> dropped;
    for (auto& [bucket, batch] : sums) {
        if (auto done = writeBucket(bucket, std::move(batch), limit, dropped); !done) {
            return done;
        }
    }
    return deleteUnusedKeys(dropped);
}

}  // namespace netmon::storage
