// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlite_handle.h"

#include <cassert>
#include <utility>

namespace netmon::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;  // another writer's transaction or a checkpoint

}  // namespace

Statement::Statement(sqlite3_stmt* statement, std::string path)
    : m_statement(statement), m_path(std::move(path)) {}

void Statement::bind(int index, std::int64_t value) {
    [[maybe_unused]] const int rc = sqlite3_bind_int64(m_statement.get(), index, value);
    assert(rc == SQLITE_OK);
}

void Statement::bind(int index, std::string_view text) {
    [[maybe_unused]] const int rc = sqlite3_bind_text(
        m_statement.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    assert(rc == SQLITE_OK);
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    sqlite3* db = sqlite3_db_handle(m_statement.get());
    const char* sql = sqlite3_sql(m_statement.get());
    Error error = sqliteError(sqlite3_extended_errcode(db), sqlite3_errmsg(db),
                              std::string("run \"") + (sql ? sql : "?") + "\" on", m_path);
    sqlite3_reset(m_statement.get());
    return tl::unexpected(std::move(error));
}

Result<void> Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
    }
    reset();
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_statement.get());
    sqlite3_clear_bindings(m_statement.get());
}

std::int64_t Statement::int64At(int column) const {
    return sqlite3_column_int64(m_statement.get(), column);
}

std::string Statement::textAt(int column) const {
    const auto* text = sqlite3_column_text(m_statement.get(), column);
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
                : std::string();
}

Connection::Connection(sqlite3* db, std::filesystem::path path)
    : m_db(db), m_path(std::move(path)) {}

Result<Connection> Connection::open(const std::filesystem::path& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.string().c_str(), &raw, flags, nullptr);
    // The handle is owned right away: sqlite3_open_v2 allocates one even when it fails.
    Connection connection(raw, path);
    if (rc != SQLITE_OK) {
        const char* message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return tl::unexpected(sqliteError(rc, message, "open", path));
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    return connection;
}

Result<void> Connection::exec(std::string_view sql) {
    const std::string text(sql);
    if (sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        return tl::unexpected(error("run \"" + text + "\" on"));
    }
    return {};
}

Result<Statement> Connection::prepare(std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(m_db.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    Statement statement(raw, m_path.string());
    if (rc != SQLITE_OK) {
        return tl::unexpected(error("prepare \"" + std::string(sql) + "\" for"));
    }
    return statement;
}

Result<std::int64_t> Connection::queryInt(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    return *row ? statement->int64At(0) : 0;
}

Result<std::string> Connection::queryText(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    return *row ? statement->textAt(0) : std::string();
}

Error Connection::error(std::string_view what) const {
    return sqliteError(lastErrorCode(), sqlite3_errmsg(m_db.get()), what, m_path);
}

int Connection::lastErrorCode() const {
    return sqlite3_extended_errcode(m_db.get());
}

bool Connection::isReadOnly() const {
    return sqlite3_db_readonly(m_db.get(), "main") == 1;
}

Result<Transaction> Transaction::begin(Connection& connection) {
    // IMMEDIATE takes the write lock now, so a busy database fails here and not mid-batch.
    if (auto started = connection.exec("BEGIN IMMEDIATE"); !started) {
        return tl::unexpected(started.error());
    }
    return Transaction(connection);
}

Result<Transaction> Transaction::beginRead(Connection& connection) {
    if (auto started = connection.exec("BEGIN DEFERRED"); !started) {
        return tl::unexpected(started.error());
    }
    return Transaction(connection);
}

Result<void> Transaction::commit() {
    auto done = m_connection->exec("COMMIT");
    if (done) {
        m_connection = nullptr;
    }
    return done;  // on failure the destructor rolls back whatever SQLite left open
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)) {}

Transaction::~Transaction() {
    if (m_connection && sqlite3_get_autocommit(m_connection->get()) == 0) {
        sqlite3_exec(m_connection->get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

}  // namespace netmon::storage
