// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <ostream>
#include <vector>

#include "core/model/snapshot.h"

namespace netmon::cli {

// Under a hosts or processes table with figures that are not all counted: what "n/a" and "≥"
// mean, and the mode's own note on what it cannot count. Nothing when every figure is exact.
template <typename Stat>
void printUncountedNote(std::ostream& out, const std::vector<Stat>& rows,
                        const Visibility& visibility) {
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
