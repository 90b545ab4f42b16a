// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace netmon::cli {

// Column-aligned plain text for terminals: left-aligned text, right-aligned numbers. Cells are
// shown through visibleText(): control characters escaped, never sent to the terminal.
class TextTable {
public:
    enum class Align { Left, Right };
    struct Column {
        std::string title;
        Align align = Align::Left;
    };

    explicit TextTable(std::vector<Column> columns) : m_columns(std::move(columns)) {}
    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;
    [[nodiscard]] bool empty() const { return m_rows.empty(); }

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace netmon::cli
