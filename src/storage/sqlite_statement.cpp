// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlite_statement.h"

#include <cassert>
#include <utility>

#include "storage/sqlite_error.h"

namespace netmon::storage {

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

}  // namespace netmon::storage
