// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sample_store.h"

#include <map>
#include <utility>
#include <vector>

#include "storage/retention.h"
#include "storage/sqlite_transaction.h"

namespace netmon::storage {

namespace {

constexpr std::array<const char*, 4> kTables{"samples", "rollup_minute", "rollup_hour",
                                             "rollup_day"};

std::string upsertSql(const char* table) {
    return std::string("INSERT INTO ") + table +
           " (ts, iface_id, duration_ms, rx_bytes, tx_bytes, rx_packets, tx_packets)"
           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (ts, iface_id) DO UPDATE SET"
           " duration_ms = duration_ms + excluded.duration_ms,"
           " rx_bytes = rx_bytes + excluded.rx_bytes, tx_bytes = tx_bytes + excluded.tx_bytes,"
           " rx_packets = rx_packets + excluded.rx_packets,"
           " tx_packets = tx_packets + excluded.tx_packets";
}

struct Totals {
    std::int64_t durationMs = 0;
    std::int64_t rxBytes = 0;
    std::int64_t txBytes = 0;
    std::int64_t rxPackets = 0;
    std::int64_t txPackets = 0;

    void add(const Totals& other) {
        durationMs += other.durationMs;
        rxBytes += other.rxBytes;
        txBytes += other.txBytes;
        rxPackets += other.rxPackets;
        txPackets += other.txPackets;
    }
};

// SQLite integers are signed 64-bit; no interface moves 2^63 bytes in one tick.
Totals totalsOf(const InterfaceSample& sample) {
    return Totals{sample.duration.count(), static_cast<std::int64_t>(sample.rxBytes),
                  static_cast<std::int64_t>(sample.txBytes),
                  static_cast<std::int64_t>(sample.rxPackets),
                  static_cast<std::int64_t>(sample.txPackets)};
}

using Key = std::pair<std::int64_t, std::int64_t>;  // bucket start, interface id

Result<void> upsert(Statement& statement, const Key& key, const Totals& totals) {
    statement.bind(1, key.first);
    statement.bind(2, key.second);
    statement.bind(3, totals.durationMs);
    statement.bind(4, totals.rxBytes);
    statement.bind(5, totals.txBytes);
    statement.bind(6, totals.rxPackets);
    statement.bind(7, totals.txPackets);
    return statement.run();
}

}  // namespace

Result<SampleStore> SampleStore::create(Connection connection) {
    auto breakdowns = BreakdownStore::create(connection);
    if (!breakdowns) {
        return tl::unexpected(breakdowns.error());
    }
    SampleStore store(std::move(connection), std::move(*breakdowns));
    for (std::size_t table = 0; table < kTables.size(); ++table) {
        auto statement = store.m_connection.prepare(upsertSql(kTables[table]));
        if (!statement) {
            return tl::unexpected(statement.error());
        }
        store.m_upsert[table] = std::move(*statement);
    }
    auto insert = store.m_connection.prepare(
        "INSERT INTO interfaces (name) VALUES (?1) ON CONFLICT (name) DO NOTHING");
    auto select = store.m_connection.prepare("SELECT id FROM interfaces WHERE name = ?1");
    if (!insert || !select) {
        return tl::unexpected(insert ? select.error() : insert.error());
    }
    store.m_insertInterface = std::move(*insert);
    store.m_selectInterface = std::move(*select);
    return store;
}

Result<std::int64_t> SampleStore::interfaceId(const std::string& name) {
    if (auto found = m_interfaceIds.find(name); found != m_interfaceIds.end()) {
        return found->second;
    }
    m_insertInterface.bind(1, name);
    if (auto inserted = m_insertInterface.run(); !inserted) {
        return tl::unexpected(inserted.error());
    }
    m_selectInterface.bind(1, name);
    auto row = m_selectInterface.step();
    const std::int64_t id = row && *row ? m_selectInterface.int64At(0) : -1;
    m_selectInterface.reset();
    if (!row) {
        return tl::unexpected(row.error());
    }
    m_interfaceIds.emplace(name, id);
    return id;
}

Result<void> SampleStore::write(std::span<const Sample> samples, std::size_t breakdownTopN) {
    auto written = writeAll(samples, breakdownTopN);
    if (!written) {
        // The rollback may have taken new interface or key rows with it.
        m_interfaceIds.clear();
        m_breakdowns.forget();
    }
    return written;
}

Result<void> SampleStore::applyRetention(const RetentionPolicy& policy, TimePoint now) {
    m_breakdowns.forget();  // the keys it prunes may be cached
    return storage::applyRetention(m_connection, policy, now);
}

// Rollups are summed here first: a batch of many ticks becomes one UPSERT per bucket.
struct SampleStore::RollupSums {
    std::array<std::map<Key, Totals>, TableCount> interfaces;
};

Result<void> SampleStore::writeInterface(const InterfaceSample& sample, RollupSums& sums) {
    auto id = interfaceId(sample.interfaceName);
    if (!id) {
        return tl::unexpected(id.error());
    }
    const std::int64_t ms = toUnixMs(sample.time);
    const Totals totals = totalsOf(sample);
    if (auto raw = upsert(m_upsert[Raw], {ms, *id}, totals); !raw) {
        return raw;
    }
    sums.interfaces[Minute][{bucketStart(ms, kMinuteMs), *id}].add(totals);
    sums.interfaces[Hour][{bucketStart(ms, kHourMs), *id}].add(totals);
    sums.interfaces[Day][{m_days.dayStart(ms), *id}].add(totals);
    return {};
}

Result<void> SampleStore::writeAll(std::span<const Sample> samples, std::size_t breakdownTopN) {
    auto transaction = Transaction::begin(m_connection);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    RollupSums sums;
    std::vector<const BreakdownSample*> breakdowns;
    for (const Sample& sample : samples) {
        if (const auto* interface = std::get_if<InterfaceSample>(&sample)) {
            if (auto done = writeInterface(*interface, sums); !done) {
                return done;
            }
        } else {
            breakdowns.push_back(&std::get<BreakdownSample>(sample));
        }
    }
    for (int table = Minute; table < TableCount; ++table) {
        for (const auto& [key, totals] : sums.interfaces[table]) {
            if (auto done = upsert(m_upsert[table], key, totals); !done) {
                return done;
            }
        }
    }
    if (auto done = m_breakdowns.write(breakdowns, breakdownTopN, m_days); !done) {
        return done;
    }
    return transaction->commit();
}

}  // namespace netmon::storage
