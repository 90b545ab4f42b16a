// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/history_reader.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/utf8_text.h"
#include "platform/calendar.h"
#include "storage/breakdown_keys.h"
#include "storage/database_file.h"
#include "storage/sqlite_transaction.h"
#include "storage/time_buckets.h"

namespace netmon::storage {

namespace {

const char* tableFor(Resolution resolution) {
    switch (resolution) {
        case Resolution::Raw:
            return "samples";
        case Resolution::Minute:
            return "rollup_minute";
        case Resolution::Hour:
            return "rollup_hour";
        case Resolution::Day:
            return "rollup_day";
    }
    return "rollup_hour";
}

// No join: interface names are looked up in C++, which keeps the scan on the time-first key
// and makes a 30-day per-minute query about twice as fast (bench_storage).
std::string querySql(Resolution resolution, bool oneInterface) {
    return std::string("SELECT ts, iface_id, rx_bytes, tx_bytes, rx_packets, tx_packets FROM ") +
           tableFor(resolution) + " WHERE ts >= ?1 AND ts < ?2" +
           (oneInterface ? " AND iface_id = ?3" : "") + " ORDER BY ts";
}

// Day rollups are keyed by local midnight, so "today" and "this month" are key ranges.
constexpr const char* kUsageSql =
    "SELECT i.name,"
    " SUM(CASE WHEN d.ts >= ?2 THEN d.rx_bytes ELSE 0 END),"
    " SUM(CASE WHEN d.ts >= ?2 THEN d.tx_bytes ELSE 0 END),"
    " SUM(d.rx_bytes), SUM(d.tx_bytes)"
    " FROM rollup_day AS d JOIN interfaces AS i ON i.id = d.iface_id"
    " WHERE d.ts >= ?1 AND d.ts < ?3 GROUP BY i.name ORDER BY i.name";

// A name as stored: a database written by an older version may hold any bytes the system gave
// it (a process name cut mid-character), so names are made valid UTF-8 again on the way out.
std::string nameAt(const Statement& statement, int column) {
    return toValidUtf8(statement.textAt(column));
}

Result<std::unordered_map<std::int64_t, std::string>> interfaceNames(Connection& connection) {
    auto statement = connection.prepare("SELECT id, name FROM interfaces");
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    std::unordered_map<std::int64_t, std::string> names;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return names;
        }
        names.emplace(statement->int64At(0), nameAt(*statement, 1));
    }
}

// Rows come in time order; each instant holds a handful of interfaces to put in name order.
void sortByNameWithinEachStart(std::vector<HistoryRow>& rows) {
    auto begin = rows.begin();
    while (begin != rows.end()) {
        auto end = std::find_if(begin, rows.end(),
                                [&](const HistoryRow& row) { return row.start != begin->start; });
        std::sort(begin, end, [](const HistoryRow& a, const HistoryRow& b) {
            return a.interfaceName < b.interfaceName;
        });
        begin = end;
    }
}

std::uint64_t counter(const Statement& statement, int column) {
    return static_cast<std::uint64_t>(statement.int64At(column));
}

// Totals over whole hours of the range, most bytes first.
constexpr const char* kBreakdownSql =
    "SELECT k.name, SUM(h.bytes_in) AS bytes_in, SUM(h.bytes_out) AS bytes_out"
    " FROM breakdown_hour AS h JOIN breakdown_keys AS k ON k.id = h.key_id"
    " WHERE h.ts >= ?1 AND h.ts < ?2 AND k.dimension = ?3"
    " GROUP BY k.name ORDER BY bytes_in + bytes_out DESC, k.name LIMIT ?4";

// What history kept only as "other" over the same hours (its own dimension: breakdown_keys.h).
constexpr const char* kBreakdownOtherSql =
    "SELECT SUM(h.bytes_in), SUM(h.bytes_out)"
    " FROM breakdown_hour AS h JOIN breakdown_keys AS k ON k.id = h.key_id"
    " WHERE h.ts >= ?1 AND h.ts < ?2 AND k.dimension = ?3";

}  // namespace

class HistoryReader::Impl {
public:
    explicit Impl(Connection db) : connection(std::move(db)) {}
    Connection connection;  // read-only; WAL lets it read beside the writer
};

Result<std::unique_ptr<HistoryReader>> HistoryReader::open(const std::filesystem::path& path) {
    auto connection = openDatabaseForReading(path);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    auto impl = std::make_unique<Impl>(std::move(*connection));
    return std::unique_ptr<HistoryReader>(new HistoryReader(std::move(impl)));
}

HistoryReader::HistoryReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HistoryReader::~HistoryReader() = default;

Result<std::vector<HistoryRow>> HistoryReader::query(const HistoryQuery& query) {
    // One snapshot for names and rows: an interface the writer adds meanwhile has a name.
    auto snapshot = Transaction::beginRead(m_impl->connection);
    if (!snapshot) {
        return tl::unexpected(snapshot.error());
    }
    auto names = interfaceNames(m_impl->connection);
    if (!names) {
        return tl::unexpected(names.error());
    }
    std::optional<std::int64_t> onlyId;
    if (query.interfaceName) {
        const auto found = std::find_if(names->begin(), names->end(), [&](const auto& entry) {
            return entry.second == *query.interfaceName;
        });
        if (found == names->end()) {
            return std::vector<HistoryRow>{};  // never recorded
        }
        onlyId = found->first;
    }
    auto statement = m_impl->connection.prepare(querySql(query.resolution, onlyId.has_value()));
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind(1, toUnixMs(query.since));
    statement->bind(2, toUnixMs(query.until));
    if (onlyId) {
        statement->bind(3, *onlyId);
    }
    std::vector<HistoryRow> rows;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        rows.push_back(HistoryRow{fromUnixMs(statement->int64At(0)),
                                  (*names)[statement->int64At(1)], counter(*statement, 2),
                                  counter(*statement, 3), counter(*statement, 4),
                                  counter(*statement, 5)});
    }
    sortByNameWithinEachStart(rows);
    return rows;
}

Result<std::vector<BreakdownRow>> HistoryReader::breakdown(const BreakdownQuery& query) {
    auto snapshot = Transaction::beginRead(m_impl->connection);  // rows and "other" agree
    if (!snapshot) {
        return tl::unexpected(snapshot.error());
    }
    auto statement = m_impl->connection.prepare(kBreakdownSql);
    auto otherStatement = m_impl->connection.prepare(kBreakdownOtherSql);
    if (!statement || !otherStatement) {
        return tl::unexpected(statement ? otherStatement.error() : statement.error());
    }
    const std::int64_t untilMs = toUnixMs(query.until);
    const std::int64_t lastHour = bucketStart(untilMs, kHourMs);
    const std::int64_t since = bucketStart(toUnixMs(query.since), kHourMs);
    const std::int64_t until = lastHour == untilMs ? untilMs : lastHour + kHourMs;
    statement->bind(1, since);
    statement->bind(2, until);
    statement->bind(3, keyDimension(query.dimension));
    statement->bind(4, static_cast<std::int64_t>(query.limit));
    std::vector<BreakdownRow> rows;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        rows.push_back(
            BreakdownRow{nameAt(*statement, 0), counter(*statement, 1), counter(*statement, 2)});
    }
    // The hosts (processes) beyond the top N history kept per hour, last, as one row.
    otherStatement->bind(1, since);
    otherStatement->bind(2, until);
    otherStatement->bind(3, otherKeyDimension(query.dimension));
    auto other = otherStatement->step();
    if (!other) {
        return tl::unexpected(other.error());
    }
    if (*other && counter(*otherStatement, 0) + counter(*otherStatement, 1) > 0) {
        rows.push_back(BreakdownRow{kOtherKeyName, counter(*otherStatement, 0),
                                    counter(*otherStatement, 1), true});
    }
    return rows;
}

Result<std::vector<UsageTotals>> HistoryReader::usage(TimePoint now) {
    auto statement = m_impl->connection.prepare(kUsageSql);
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    statement->bind(1, toUnixMs(localMonthStart(now)));
    statement->bind(2, toUnixMs(localDayStart(now)));
    statement->bind(3, toUnixMs(nextLocalDayStart(now)));
    std::vector<UsageTotals> totals;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return totals;
        }
        totals.push_back(UsageTotals{nameAt(*statement, 0), counter(*statement, 1),
                                     counter(*statement, 2), counter(*statement, 3),
                                     counter(*statement, 4)});
    }
}

}  // namespace netmon::storage
