// SPDX-License-Identifier: GPL-3.0-or-later
#include "history_prefill.h"

#include <array>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include "bench_dir.h"
#include "core/clock.h"
#include "storage/database_file.h"
#include "storage/sqlite_transaction.h"
#include "storage/time_buckets.h"

namespace netmon::bench {

namespace {

using namespace storage;

// Bytes per second of interface `iface`: constant, so every bucket's sum is easy to check.
constexpr std::int64_t rxPerSecond(int iface) {
    return 125'000 + iface;
}
constexpr std::int64_t txPerSecond(int iface) {
    return 12'500 + iface;
}

void check(const Result<void>& done) {
    if (!done) {
        throw std::runtime_error(done.error().describe());
    }
}

template <typename T>
T take(Result<T> value) {
    if (!value) {
        throw std::runtime_error(value.error().describe());
    }
    return std::move(*value);
}

void insert(Statement& statement, std::int64_t ts, std::int64_t iface, std::int64_t seconds) {
    statement.bind(1, ts);
    statement.bind(2, iface);
    statement.bind(3, seconds * 1000);
    statement.bind(4, seconds * rxPerSecond(static_cast<int>(iface)));
    statement.bind(5, seconds * txPerSecond(static_cast<int>(iface)));
    statement.bind(6, seconds * 90);
    statement.bind(7, seconds * 40);
    check(statement.run());
}

// Written straight into the tables, already summed per bucket: ingesting 13 M one-second
// samples would take minutes, and retention would delete all but the last day's raw rows.
PrefilledHistory fill() {
    PrefilledHistory history{
        benchDir().path() / "history-30d.db",
        std::chrono::floor<std::chrono::minutes>(SystemClock::instance().wallNow())};
    std::vector<std::string> warnings;
    auto opened = openDatabaseForWriting(history.path, SystemClock::instance(), warnings);
    if (!opened) {
        throw std::runtime_error(opened.error().error.describe());
    }
    Connection& db = *opened;
    auto transaction = take(Transaction::begin(db));
    for (int iface = 0; iface < kInterfaces; ++iface) {
        check(db.exec("INSERT INTO interfaces (id, name) VALUES (" + std::to_string(iface) + ", '" +
                      interfaceName(iface) + "')"));
    }
    const char* columns =
        " (ts, iface_id, duration_ms, rx_bytes, tx_bytes, rx_packets, tx_packets)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    std::array<Statement, 4> inserts{
        take(db.prepare(std::string("INSERT INTO samples") + columns)),
        take(db.prepare(std::string("INSERT INTO rollup_minute") + columns)),
        take(db.prepare(std::string("INSERT INTO rollup_hour") + columns)),
        take(db.prepare(std::string("INSERT INTO rollup_day") + columns))};

    const std::int64_t end = toUnixMs(history.now);
    const std::int64_t start = end - std::int64_t{kDays} * 24 * kHourMs;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> hourSeconds;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> daySeconds;
    LocalDayBuckets days;
    for (std::int64_t minute = start; minute < end; minute += kMinuteMs) {
        for (int iface = 0; iface < kInterfaces; ++iface) {
            insert(inserts[1], minute, iface, 60);
            hourSeconds[{bucketStart(minute, kHourMs), iface}] += 60;
            daySeconds[{days.dayStart(minute), iface}] += 60;
        }
    }
    for (const auto& [key, seconds] : hourSeconds) {
        insert(inserts[2], key.first, key.second, seconds);
    }
    for (const auto& [key, seconds] : daySeconds) {
        insert(inserts[3], key.first, key.second, seconds);
    }
    for (std::int64_t ts = end - 24 * kHourMs; ts < end; ts += 1000) {
        for (int iface = 0; iface < kInterfaces; ++iface) {
            insert(inserts[0], ts, iface, 1);
        }
    }
    check(transaction.commit());
    check(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    return history;
}

}  // namespace

const PrefilledHistory& prefilledHistory() {
    static const PrefilledHistory history = fill();
    return history;
}

}  // namespace netmon::bench
