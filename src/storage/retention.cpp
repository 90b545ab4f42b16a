// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/retention.h"

#include <array>
#include <chrono>
#include <string_view>

#include "platform/calendar.h"
#include "storage/sqlite_transaction.h"
#include "storage/time_buckets.h"

namespace netmon::storage {

RetentionCutoffs retentionCutoffs(const RetentionPolicy& policy, TimePoint now) {
    const TimePoint rollupCutoff = now - std::chrono::days(policy.retentionDays);
    const std::int64_t rollupMs = toUnixMs(rollupCutoff);
    return RetentionCutoffs{
        .raw = toUnixMs(now - policy.rawWindow),
        .minute = bucketStart(rollupMs, kMinuteMs),
        .hour = bucketStart(rollupMs, kHourMs),
        .day = toUnixMs(localDayStart(rollupCutoff)),
    };
}

namespace {

constexpr std::string_view kUnusedKeys =
    "DELETE FROM breakdown_keys WHERE"
    " NOT EXISTS (SELECT 1 FROM breakdown_hour WHERE key_id = breakdown_keys.id) AND"
    " NOT EXISTS (SELECT 1 FROM breakdown_day WHERE key_id = breakdown_keys.id)";

}  // namespace

Result<void> applyRetention(Connection& connection, const RetentionPolicy& policy, TimePoint now) {
    const RetentionCutoffs cutoffs = retentionCutoffs(policy, now);
    const std::array<std::pair<const char*, std::int64_t>, 6> deletions{{
        {"DELETE FROM samples WHERE ts < ?1", cutoffs.raw},
        {"DELETE FROM rollup_minute WHERE ts < ?1", cutoffs.minute},
        {"DELETE FROM rollup_hour WHERE ts < ?1", cutoffs.hour},
        {"DELETE FROM rollup_day WHERE ts < ?1", cutoffs.day},
        {"DELETE FROM breakdown_hour WHERE ts < ?1", cutoffs.hour},
        {"DELETE FROM breakdown_day WHERE ts < ?1", cutoffs.day},
    }};
    auto transaction = Transaction::begin(connection);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    for (const auto& [sql, cutoff] : deletions) {
        auto statement = connection.prepare(sql);
        if (!statement) {
            return tl::unexpected(statement.error());
        }
        statement->bind(1, cutoff);
        if (auto done = statement->run(); !done) {
            return done;
        }
    }
    // Hosts and processes no kept row names any more (key_id is indexed: migration 4).
    if (auto pruned = connection.exec(kUnusedKeys); !pruned) {
        return pruned;
    }
    return transaction->commit();
}

}  // namespace netmon::storage
