// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/text_table.h"
#include "core/format.h"
#include "core/model/snapshot.h"

namespace netmon::cli {

// The table of `netmon hosts` and `netmon processes`, one row per HostStat or ProcessStat: the
// columns that name a row, the traffic both have (IN, OUT, IN RATE, OUT RATE, CONNS), then the
// columns particular to each.
template <typename Stat>
struct TopTableLayout {
    std::vector<TextTable::Column> naming;      // before the traffic columns
    std::vector<TextTable::Column> describing;  // after them
    std::vector<std::string> (*namingCells)(const Stat&);
    std::vector<std::string> (*describingCells)(const Stat&);
    std::string_view none;  // the line printed instead of a table without rows
};

// Prints `rows` as `layout` says. Without `rates` the rate cells stay blank: one reading has no
// interval to measure over. Under a table whose figures are not all counted: what "n/a" and "≥"
// mean, and the mode's own note on what it cannot count.
template <typename Stat>
void printTopTable(std::ostream& out, const std::vector<Stat>& rows,
                   const TopTableLayout<Stat>& layout, bool rates, const Visibility& visibility) {
    using Align = TextTable::Align;
    std::vector<TextTable::Column> columns = layout.naming;
    columns.insert(columns.end(), {{"IN", Align::Right},
                                   {"OUT", Align::Right},
                                   {"IN RATE", Align::Right},
                                   {"OUT RATE", Align::Right},
                                   {"CONNS", Align::Right}});
    columns.insert(columns.end(), layout.describing.begin(), layout.describing.end());
    TextTable table(std::move(columns));
    for (const Stat& row : rows) {
        std::vector<std::string> cells = layout.namingCells(row);
        cells.insert(cells.end(),
                     {formatByteSum(row.bytesIn, row.bytesComplete),
                      formatByteSum(row.bytesOut, row.bytesComplete),
                      rates ? formatBitRateSum(row.inBitsPerSecond, row.ratesComplete) : "",
                      rates ? formatBitRateSum(row.outBitsPerSecond, row.ratesComplete) : "",
                      std::to_string(row.connections)});
        const std::vector<std::string> describing = layout.describingCells(row);
        cells.insert(cells.end(), describing.begin(), describing.end());
        table.addRow(std::move(cells));
    }
    if (table.empty()) {
        out << layout.none << "\n";
        return;
    }
    table.print(out);
    const bool uncounted = std::any_of(rows.begin(), rows.end(), [](const Stat& row) {
        return !row.bytesComplete || !row.ratesComplete;
    });
    if (!uncounted) {
        return;
    }
    out << "\nn/a: none of its flows has byte counts; ≥: only some have, so the figure is a "
           "lower bound.\n";
    if (!visibility.note.empty()) {
        out << visibility.note << "\n";
    }
}

}  // namespace netmon::cli
