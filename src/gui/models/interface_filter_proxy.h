// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace netmon::gui {

// Sorts the interface table by its SortRole and hides loopback and virtual interfaces unless
// asked to show them (as the CLI's `--all`).
class InterfaceFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit InterfaceFilterProxy(QObject* parent = nullptr);

    void setShowVirtual(bool show);
    [[nodiscard]] bool showVirtual() const { return m_showVirtual; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_showVirtual = false;
};

}  // namespace netmon::gui
