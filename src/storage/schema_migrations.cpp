// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/schema_migrations.h"

#include <array>
#include <string>
#include <string_view>

#include "storage/sqlite_transaction.h"
#include "storage/time_buckets.h"

namespace netmon::storage {

namespace {

struct Migration {
    int version;
    std::string_view sql;
};

// Time-first keys (ts, iface_id) WITHOUT ROWID: each second's rows append at the end of one
// b-tree instead of scattering over per-interface ranges, which makes per-second writes far
// cheaper. Counters are INTEGER (64-bit); timestamps are unix milliseconds (UTC).
constexpr std::string_view kV1InterfacesAndSamples = R"sql(
CREATE TABLE interfaces (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE samples (
    ts          INTEGER NOT NULL,  -- end of the tick
    iface_id    INTEGER NOT NULL REFERENCES interfaces(id),
    duration_ms INTEGER NOT NULL,
    rx_bytes    INTEGER NOT NULL,
    tx_bytes    INTEGER NOT NULL,
    rx_packets  INTEGER NOT NULL,
    tx_packets  INTEGER NOT NULL,
    PRIMARY KEY (ts, iface_id)
) WITHOUT ROWID;
)sql";

// Rollups are exact sums of the raw samples, kept additively on ingest. duration_ms says how
// much of the bucket was observed, so a gap in recording is not mistaken for silence. Minute
// and hour buckets are UTC-aligned; days start at local midnight (netmon_local_day_start).
constexpr std::string_view kV2Rollups = R"sql(
CREATE TABLE rollup_minute (
    ts INTEGER NOT NULL, iface_id INTEGER NOT NULL REFERENCES interfaces(id),
    duration_ms INTEGER NOT NULL, rx_bytes INTEGER NOT NULL, tx_bytes INTEGER NOT NULL,
    rx_packets INTEGER NOT NULL, tx_packets INTEGER NOT NULL,
    PRIMARY KEY (ts, iface_id)
) WITHOUT ROWID;
CREATE TABLE rollup_hour (
    ts INTEGER NOT NULL, iface_id INTEGER NOT NULL REFERENCES interfaces(id),
    duration_ms INTEGER NOT NULL, rx_bytes INTEGER NOT NULL, tx_bytes INTEGER NOT NULL,
    rx_packets INTEGER NOT NULL, tx_packets INTEGER NOT NULL,
    PRIMARY KEY (ts, iface_id)
) WITHOUT ROWID;
CREATE TABLE rollup_day (
    ts INTEGER NOT NULL, iface_id INTEGER NOT NULL REFERENCES interfaces(id),
    duration_ms INTEGER NOT NULL, rx_bytes INTEGER NOT NULL, tx_bytes INTEGER NOT NULL,
    rx_packets INTEGER NOT NULL, tx_packets INTEGER NOT NULL,
    PRIMARY KEY (ts, iface_id)
) WITHOUT ROWID;
INSERT INTO rollup_minute
    SELECT ts - ((ts % 60000) + 60000) % 60000 AS bucket, iface_id, SUM(duration_ms),
           SUM(rx_bytes), SUM(tx_bytes), SUM(rx_packets), SUM(tx_packets)
    FROM samples GROUP BY bucket, iface_id;
INSERT INTO rollup_hour
    SELECT ts - ((ts % 3600000) + 3600000) % 3600000 AS bucket, iface_id, SUM(duration_ms),
           SUM(rx_bytes), SUM(tx_bytes), SUM(rx_packets), SUM(tx_packets)
    FROM samples GROUP BY bucket, iface_id;
INSERT INTO rollup_day
    SELECT netmon_local_day_start(ts) AS bucket, iface_id, SUM(duration_ms),
           SUM(rx_bytes), SUM(tx_bytes), SUM(rx_packets), SUM(tx_packets)
    FROM samples GROUP BY bucket, iface_id;
)sql";

// Per-host and per-process totals (who the machine talks to, and which program), per
// hour and per local day, kept additively like the interface rollups. `dimension` is 1 for
// remote hosts, 2 for processes; names are host addresses (masked if the privacy setting says
// so) or process names.
constexpr std::string_view kV3Breakdowns = R"sql(
CREATE TABLE breakdown_keys (
    id        INTEGER PRIMARY KEY,
    dimension INTEGER NOT NULL,
    name      TEXT NOT NULL,
    UNIQUE (dimension, name)
);
CREATE TABLE breakdown_hour (
    ts INTEGER NOT NULL, key_id INTEGER NOT NULL REFERENCES breakdown_keys(id),
    bytes_in INTEGER NOT NULL, bytes_out INTEGER NOT NULL,
    PRIMARY KEY (ts, key_id)
) WITHOUT ROWID;
CREATE TABLE breakdown_day (
    ts INTEGER NOT NULL, key_id INTEGER NOT NULL REFERENCES breakdown_keys(id),
    bytes_in INTEGER NOT NULL, bytes_out INTEGER NOT NULL,
    PRIMARY KEY (ts, key_id)
) WITHOUT ROWID;
)sql";

// At most N keys per bucket and dimension keep a row; the rest add up in one row per bucket
// whose key has dimension 3 (hosts) or 4 (processes) and the name "other" (breakdown_keys.h).
// A key whose last row went is deleted, which asks "does any row use it": key_id is indexed.
constexpr std::string_view kV4BreakdownKeyIndexes = R"sql(
CREATE INDEX breakdown_hour_key ON breakdown_hour (key_id);
CREATE INDEX breakdown_day_key ON breakdown_day (key_id);
)sql";

// In order; adding a schema version is adding one entry here.
constexpr std::array kMigrations{
    Migration{1, kV1InterfacesAndSamples},
    Migration{2, kV2Rollups},
    Migration{3, kV3Breakdowns},
    Migration{4, kV4BreakdownKeyIndexes},
};

static_assert(
    [] {
        for (std::size_t i = 0; i < kMigrations.size(); ++i) {
            if (kMigrations[i].version != static_cast<int>(i) + 1) {
                return false;
            }
        }
        return true;
    }(),
    "migrations must be numbered 1, 2, 3… in order");

// Lets migration SQL bucket by local day with the same calendar code ingest uses. Only DML
// calls it, never the schema, so other SQLite tools can still read the file.
void localDayStartFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
    thread_local LocalDayBuckets days;  // a backfill visits the rows in time order
    sqlite3_result_int64(context, days.dayStart(sqlite3_value_int64(argv[0])));
}

Result<void> registerFunctions(Connection& connection) {
    const int rc =
        sqlite3_create_function_v2(connection.get(), "netmon_local_day_start", 1, SQLITE_UTF8,
                                   nullptr, localDayStartFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return tl::unexpected(connection.error("register SQL functions for"));
    }
    return {};
}

Result<void> apply(Connection& connection, const Migration& migration) {
    auto transaction = Transaction::begin(connection);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    // Read again under the write lock: another process may have upgraded meanwhile.
    auto current = readSchemaVersion(connection);
    if (!current) {
        return tl::unexpected(current.error());
    }
    if (*current >= migration.version) {
        return {};
    }
    auto done = connection.exec(migration.sql);
    if (done) {
        done = connection.exec("PRAGMA user_version = " + std::to_string(migration.version));
    }
    if (done) {
        done = transaction->commit();
    }
    if (!done) {
        Error error = done.error();
        error.message = "Could not upgrade the history database to schema version " +
                        std::to_string(migration.version) + ": " + error.message;
        return tl::unexpected(std::move(error));
    }
    return {};
}

}  // namespace

int latestSchemaVersion() {
    return kMigrations.back().version;
}

Result<int> readSchemaVersion(Connection& connection) {
    auto version = connection.queryInt("PRAGMA user_version");
    if (!version) {
        return tl::unexpected(connection.error("read the schema version of"));
    }
    return static_cast<int>(*version);
}

Result<void> migrateSchema(Connection& connection, int targetVersion) {
    auto current = readSchemaVersion(connection);
    if (!current) {
        return tl::unexpected(current.error());
    }
    if (*current >= targetVersion) {
        return {};
    }
    if (auto registered = registerFunctions(connection); !registered) {
        return registered;
    }
    for (const Migration& migration : kMigrations) {
        if (migration.version > *current && migration.version <= targetVersion) {
            if (auto applied = apply(connection, migration); !applied) {
                return applied;
            }
        }
    }
    return {};
}

}  // namespace netmon::storage
