// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/interface_filter_proxy.h"

#include "gui/models/interface_table_model.h"

namespace netmon::gui {

InterfaceFilterProxy::InterfaceFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(InterfaceTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void InterfaceFilterProxy::setShowVirtual(bool show) {
    if (show == m_showVirtual) {
        return;
    }
    m_showVirtual = show;
    invalidateRowsFilter();
}

bool InterfaceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_showVirtual) {
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return !index.data(InterfaceTableModel::VirtualRole).toBool();
}

}  // namespace netmon::gui
