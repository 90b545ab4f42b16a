// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/table_columns.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace netmon::gui {

int figureColumnWidth(const QTableView& table, int column) {
    const QFontMetrics cell(table.font());
    const int widestFigure = std::max(cell.horizontalAdvance(QStringLiteral("999 kbit/s")),
                                      cell.horizontalAdvance(QStringLiteral("1023 MiB")));
    const QString title =
        table.model() != nullptr
            ? table.model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()
            : QString();
    QFont bold = table.horizontalHeader()->font();
    bold.setBold(true);
    const int header = QFontMetrics(bold).horizontalAdvance(title) + 26;  // padding, sort arrow
    return std::max(widestFigure + 14, header);
}

int textColumnWidth(const QTableView& table, const QString& sample) {
    return QFontMetrics(table.font()).horizontalAdvance(sample) + 14;
}

}  // namespace netmon::gui

namespace netmon::gui {

int headerColumnWidth(const QTableView& table, int column) {
    const QString title =
        table.model() != nullptr
            ? table.model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()
            : QString();
    QFont bold = table.horizontalHeader()->font();
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(title) + 26;
}

}  // namespace netmon::gui
