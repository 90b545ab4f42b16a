// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/column_fitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace netmon::gui {

ColumnFitter::ColumnFitter(QTableView& table, std::vector<Column> columns)
    : QObject(&table), m_table(table), m_columns(std::move(columns)) {
    m_table.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table.horizontalHeader()->setStretchLastSection(false);
    m_table.viewport()->installEventFilter(this);
    fit();
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize) {
        fit();
    }
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::fit() {
    const int available = m_table.viewport()->width();
    int used = 0;
    int weights = 0;
    for (const Column& column : m_columns) {
        const bool hidden = available < column.hideBelow;
        m_table.setColumnHidden(column.column, hidden);
        if (!hidden) {
            used += column.width;
            weights += column.weight;
        }
    }
    const int spare = std::max(0, available - used);
    int given = 0;
    int flexibleSeen = 0;
    QHeaderView* header = m_table.horizontalHeader();
    for (const Column& column : m_columns) {
        if (m_table.isColumnHidden(column.column)) {
            continue;
        }
        int width = column.width;
        if (column.weight > 0 && weights > 0) {
            flexibleSeen += column.weight;
            // Cumulative rounding: the shares add up to `spare` exactly.
            const int share = spare * flexibleSeen / weights - given;
            given += share;
            width += share;
        }
        header->resizeSection(column.column, width);
    }
}

}  // namespace netmon::gui
