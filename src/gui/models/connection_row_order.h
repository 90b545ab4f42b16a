// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/models/connection_row.h"

namespace netmon::gui {

// How the Connections table orders its rows by one of its columns: typed comparisons (numbers
// as numbers, addresses as addresses, unknown counts below known ones), no QVariant per
// comparison, ties broken by key.
class ConnectionRowOrder {
public:
    explicit ConnectionRowOrder(int column) : m_column(column) {}

    [[nodiscard]] bool operator()(const ConnectionRow& left, const ConnectionRow& right) const;

private:
    int m_column;  // a ConnectionTableModel::Column
};

}  // namespace netmon::gui
