// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/model/host_stat.h"
#include "core/model/ip_address.h"
#include "gui/models/keyed_table_model.h"

namespace netmon::gui {

struct HostRow {
    IpAddress key;
    HostStat host;
    // Of all hosts' counted bytes, 0..1. Empty when the host's bytes are unknown (none of its
    // flows counted); of its counted bytes only when host.bytesComplete is false.
    std::optional<double> share;
};

// The dashboard's top remote hosts with their share of the traffic. Unknown is not zero: a host
// whose flows have no byte counts (UDP in basic mode) shows "n/a" and no share bar, one whose
// flows are only partly counted a lower bound ("≥ 4.00 KiB", "~12 %").
class HostListModel : public KeyedTableModel<IpAddress, HostRow, IpAddressHash> {
    Q_OBJECT
public:
    enum Column { Host, Share, Traffic, Connections, ColumnCount };
    enum Role { ShareRole = Qt::UserRole + 1 };  // double 0..1 for the share bar; none if unknown

    explicit HostListModel(QObject* parent = nullptr);

    // Keeps the `limit` hosts with the most counted bytes (unknown totals last). `note` says
    // what the mode cannot count (Visibility::note), for the tooltips of hosts it concerns.
    void update(const std::vector<HostStat>& hosts, std::size_t limit, const QString& note = {});
    // The host with the most counted bytes at the last update; nothing when no host has any
    // known total (never a host with unknown bytes crowned with "0 B").
    [[nodiscard]] const std::optional<HostRow>& topHost() const { return m_top; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString toolTip(const HostRow& row) const;

    std::optional<HostRow> m_top;
    QString m_note;
};

// A host as people read it: its name when reverse DNS answered, else its address.
QString hostDisplayName(const HostStat& host);
// Received and sent together as shown: "n/a", "≥ 4.00 KiB" or "4.00 KiB".
QString hostTrafficText(const HostStat& host);
// "n/a", "~12 %" (of a partly counted host's counted bytes) or "12 %".
QString hostShareText(const HostRow& row);

}  // namespace netmon::gui
