// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/sqlite_statement.h"

namespace netmon::storage {

struct SqliteCloser {
    // close_v2 defers the close until every statement is finalized, so member order is no trap.
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
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

}  // namespace netmon::storage
