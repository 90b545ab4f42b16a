// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "core/model/flow_stat.h"
#include "core/model/snapshot.h"
#include "gui/models/keyed_table_model.h"

namespace netmon::gui {

struct ConnectionRow {
    std::uint64_t key = 0;  // FlowStat::id (or a hash of the 5-tuple where the OS gives none)
    FlowStat flow;
    QString local;   // "192.0.2.1:443", "[2001:db8::1]:443"
    QString remote;  // "*" for listeners
    QString process;
    QString haystack;  // lower-case text of every column, for the search box
};

// The Connections screen's table: one row per flow, merged by FlowStat::id every tick, so the
// view keeps its selection, sort order and scroll position.
class ConnectionTableModel : public KeyedTableModel<std::uint64_t, ConnectionRow> {
    Q_OBJECT
public:
    enum Column {
        Protocol,
        Local,
        Remote,
        Host,
        Service,
        State,
        Process,
        Received,
        Sent,
        Download,
        Upload,
        ColumnCount
    };
    enum Role { FlowIdRole = Qt::UserRole + 1 };

    explicit ConnectionTableModel(QObject* parent = nullptr);

    void update(std::vector<FlowStat> flows, const Visibility& visibility);
    [[nodiscard]] const Visibility& visibility() const { return m_visibility; }
    // Distinct states and process names now in the table, sorted, for the filter menus.
    [[nodiscard]] const QStringList& states() const { return m_states; }
    [[nodiscard]] const QStringList& processes() const { return m_processes; }
    // Ordering of two rows by a column, for the proxy: typed, no QVariant per comparison.
    [[nodiscard]] bool lessThan(int leftRow, int rightRow, int column) const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void filterChoicesChanged();

private:
    QVariant display(const ConnectionRow& row, int column) const;
    QVariant toolTip(const ConnectionRow& row, int column) const;
    [[nodiscard]] QString missingReason(const FlowStat& flow) const;
    void refreshChoices();

    Visibility m_visibility;
    QStringList m_states;
    QStringList m_processes;
};

// "tcp" → "TCP": how the table and the filter menu name a protocol.
QString protocolText(netmon::Protocol protocol);
// What the Process column shows: "firefox (4242)", "another user's", "—".
QString processText(const FlowStat& flow);

}  // namespace netmon::gui
