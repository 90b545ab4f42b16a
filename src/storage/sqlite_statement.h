// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon::storage {

struct SqliteFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};

// A prepared statement (made by Connection::prepare). Bind, step until done, then reset() to
// use it again.
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

}  // namespace netmon::storage
