// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include "core/model/host_stat.h"
#include "core/model/ip_address.h"
#include "models/keyed_table_model.h"

namespace netmon::gui {

struct HostRow {
    IpAddress key;
    HostStat host;
    double share = 0;  // of all hosts' bytes, 0..1
};

// The dashboard's top remote hosts with their share of the traffic.
class HostListModel : public KeyedTableModel<IpAddress, HostRow, IpAddressHash> {
    Q_OBJECT
public:
    enum Column { Host, Share, Traffic, Connections, ColumnCount };
    enum Role { ShareRole = Qt::UserRole + 1 };  // double 0..1 for the share bar

    explicit HostListModel(QObject* parent = nullptr);

    // Keeps the `limit` hosts with the most bytes.
    void update(const std::vector<HostStat>& hosts, std::size_t limit);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

// A host as people read it: its name when reverse DNS answered, else its address.
QString hostDisplayName(const HostStat& host);

}  // namespace netmon::gui
