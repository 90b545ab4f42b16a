// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/text_table.h"

#include <algorithm>

#include "core/visible_text.h"

namespace netmon::cli {
namespace {

// Columns are measured in characters on screen, not bytes: "…" is three bytes of UTF-8.
std::size_t displayWidth(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void pad(std::ostream& out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        out << ' ';
    }
}

}  // namespace

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(m_columns.size());
    // Cells hold names from the system: escaped here, so widths are measured as shown.
    for (std::string& cell : cells) {
        cell = visibleText(cell);
    }
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const Column& column : m_columns) {
        widths.push_back(displayWidth(column.title));
    }
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], displayWidth(row[i]));
        }
    }
    const auto printRow = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            const std::size_t gap = widths[i] - displayWidth(cells[i]);
            if (m_columns[i].align == Align::Right) {
                pad(out, gap);
                out << cells[i];
            } else {
                out << cells[i];
                if (!last) {
                    pad(out, gap);  // no trailing blanks at the end of a line
                }
            }
            out << (last ? "\n" : "  ");
        }
    };
    std::vector<std::string> titles;
    for (const Column& column : m_columns) {
        titles.push_back(column.title);
    }
    printRow(titles);
    for (const auto& row : m_rows) {
        printRow(row);
    }
}

}  // namespace netmon::cli
