// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "core/model/snapshot.h"

class QCheckBox;
class QLabel;
class QTableView;

namespace netmon::gui {

class InterfaceFilterProxy;
class InterfaceTableModel;

// Every network interface: state, type, addresses, link speed, totals, rates and the last
// minute as a sparkline. Loopback and virtual ones are hidden unless the toggle shows them.
class InterfacesScreen : public QWidget {
    Q_OBJECT
public:
    explicit InterfacesScreen(QWidget* parent = nullptr);

    void showSnapshot(const Snapshot& snapshot);
    void setShowVirtual(bool show);

    [[nodiscard]] InterfaceTableModel* model() const { return m_model; }
    [[nodiscard]] InterfaceFilterProxy* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* table() const { return m_table; }

private:
    void updateSummary();

    InterfaceTableModel* m_model;
    InterfaceFilterProxy* m_proxy;
    QTableView* m_table;
    QCheckBox* m_showVirtual;
    QLabel* m_summary;
};

}  // namespace netmon::gui
