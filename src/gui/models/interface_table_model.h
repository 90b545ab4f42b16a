// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <string>
#include <vector>

#include "core/model/interface_stat.h"
#include "gui/models/keyed_table_model.h"

namespace netmon::gui {

struct InterfaceRow {
    std::string key;  // the interface's name
    InterfaceStat stat;
    QList<double> activity;  // the last kActivityPoints totals (rx + tx bit/s), oldest first
};

// The Interfaces screen's table: one row per NIC, merged tick by tick.
class InterfaceTableModel : public KeyedTableModel<std::string, InterfaceRow> {
    Q_OBJECT
public:
    enum Column {
        Name,
        State,
        Type,
        Addresses,
        Speed,
        Received,
        Sent,
        Download,
        Upload,
        Activity,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers for numeric columns, text otherwise
        ActivityRole,                 // QList<double> for the sparkline
        VirtualRole                   // bool: loopback or virtual
    };
    static constexpr int kActivityPoints = 60;

    explicit InterfaceTableModel(QObject* parent = nullptr);

    void update(std::vector<InterfaceStat> interfaces);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const InterfaceRow& row, int column) const;
    QVariant sortValue(const InterfaceRow& row, int column) const;
};

}  // namespace netmon::gui
