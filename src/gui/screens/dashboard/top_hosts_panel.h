// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include "core/model/snapshot.h"

class QLabel;
class QStackedWidget;
class QTableView;

namespace netmon::gui {

class HostListModel;

// The dashboard's "Top remote hosts" panel: the busiest hosts with their share of the traffic,
// or, while there are none, why.
class TopHostsPanel : public QFrame {
    Q_OBJECT
public:
    explicit TopHostsPanel(HostListModel* hosts, QWidget* parent = nullptr);

    // After the model was updated: the table, or what the mode's `visibility` says is missing.
    void refresh(const Visibility& visibility);

private:
    HostListModel* m_hosts;
    QTableView* m_table;
    QLabel* m_empty;
    QStackedWidget* m_stack;
};

}  // namespace netmon::gui
