// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon::storage {

struct SqliteCloser {
    // close_v2 defers the close until every statement is finalized, so member order is no trap.
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};

// A prepared statement. Bind, step until done, then reset() to use it again.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt* statement, std::string path);

    // Binding only fails on programming errors (wrong index), which tests catch.
    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text);
    // True while a row is ready, false when the statement is done.
    Result<bool> step();
    // Steps to the end and resets, for statements that return no rows.
    Result<void> run();
    void reset();

    [[nodiscard]] std::int64_t int64At(int column) const;
    [[nodiscard]] std::string textAt(int column) const;

private:
    std::unique_ptr<sqlite3_stmt, SqliteFinalizer> m_statement;
    std::string m_path;  // for error messages
};

// One connection to one database file.
class Connection {
public:
    // `flags` as for sqlite3_open_v2 (SQLITE_OPEN_READONLY, SQLITE_OPEN_READWRITE | …CREATE).
    static Result<Connection> open(const std::filesystem::path& path, int flags);

    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // The first column of the first row, for pragmas such as user_version.
    Result<std::int64_t> queryInt(std::string_view sql);
    Result<std::string> queryText(std::string_view sql);

    // An error for the last failed call on this connection: what failed, SQLite's words, path.
    [[nodiscard]] Error error(std::string_view what) const;
    // The extended result code of the last failed call (SQLITE_FULL, SQLITE_NOTADB…).
    [[nodiscard]] int lastErrorCode() const;
    [[nodiscard]] bool isReadOnly() const;
    [[nodiscard]] sqlite3* get() const { return m_db.get(); }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    Connection(sqlite3* db, std::filesystem::path path);
    std::unique_ptr<sqlite3, SqliteCloser> m_db;
    std::filesystem::path m_path;
};

// BEGIN IMMEDIATE … COMMIT; rolls back unless committed, so a failed batch leaves no trace.
class Transaction {
public:
    static Result<Transaction> begin(Connection& connection);
    // A deferred transaction that only reads: several statements see one snapshot.
    static Result<Transaction> beginRead(Connection& connection);
    Result<void> commit();
    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    explicit Transaction(Connection& connection) : m_connection(&connection) {}
    Connection* m_connection;  // null once committed or moved from
};

// "Could not <what> <path>: <SQLite message> (code)" with a hint chosen by the result code.
Error sqliteError(int code, std::string_view sqliteMessage, std::string_view what,
                  const std::filesystem::path& path);

}  // namespace netmon::storage
