// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlite_connection.h"

#include <utility>

#include "storage/sqlite_error.h"

namespace netmon::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;  // another writer's transaction or a checkpoint

// The first column of the first row as `column` reads it; T{} when there is no row.
template <typename T>
Result<T> queryFirst(Connection& connection, std::string_view sql,
                     T (Statement::*column)(int) const) {
    auto statement = connection.prepare(sql);
    if (!statement) {
        return tl::unexpected(statement.error());
    }
    auto row = statement->step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    return *row ? ((*statement).*column)(0) : T{};
}

}  // namespace

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
    return queryFirst(*this, sql, &Statement::int64At);
}

Result<std::string> Connection::queryText(std::string_view sql) {
    return queryFirst(*this, sql, &Statement::textAt);
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

}  // namespace netmon::storage
