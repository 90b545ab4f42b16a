// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QString;
class QTableView;

namespace netmon::gui {

// A width for a column of changing figures ("999 Mbit/s", "1023 GiB") that also fits its
// header, so live tables do not shift their columns tick by tick.
int figureColumnWidth(const QTableView& table, int column);
// A width that fits the column's header (with its sort arrow).
int headerColumnWidth(const QTableView& table, int column);
// A width that fits `sample` in a cell of `table`.
int textColumnWidth(const QTableView& table, const QString& sample);

}  // namespace netmon::gui
