// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "core/model/flow_stat.h"
#include "core/model/snapshot.h"
#include "gui/models/connection_row.h"
#include "gui/models/keyed_table_model.h"

namespace netmon::gui {

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

}  // namespace netmon::gui
