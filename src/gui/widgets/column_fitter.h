// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <vector>

class QTableView;

namespace netmon::gui {

// Keeps a table's columns filling its width: fixed columns keep their width, flexible ones get
// at least theirs plus a share of what is left (by weight). Below the sum of the minimums the
// table scrolls sideways. Columns marked so are hidden in narrow windows. Refits whenever the
// table is resized; users may still drag columns in between.
class ColumnFitter : public QObject {
    Q_OBJECT
public:
    struct Column {
        int column;
        int width;          // fixed width, or the minimum of a flexible column
        int weight = 0;     // 0: fixed
        int hideBelow = 0;  // hidden while the table is narrower than this (least needed first)
    };

    ColumnFitter(QTableView& table, std::vector<Column> columns);
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTableView& m_table;
    std::vector<Column> m_columns;
};

}  // namespace netmon::gui
