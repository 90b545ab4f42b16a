// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTableView;

namespace netmon::gui {

// A width for a column of changing figures ("999 Mbit/s", "1023 GiB") that also fits its
// header, so live tables do not shift their columns tick by tick.
int figureColumnWidth(const QTableView& table, int column);

}  // namespace netmon::gui
