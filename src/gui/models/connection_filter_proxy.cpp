// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/connection_filter_proxy.h"

#include "gui/models/connection_row_order.h"
#include "gui/models/connection_table_model.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

ConnectionFilterProxy::ConnectionFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void ConnectionFilterProxy::setConnectionModel(ConnectionTableModel* model) {
    m_model = model;
    setSourceModel(model);
}

void ConnectionFilterProxy::setSearchText(const QString& text) {
    const QString lower = text.trimmed().toLower();
    if (lower == m_search) {
        return;
    }
    m_search = lower;
    m_words = lower.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void ConnectionFilterProxy::setProtocol(std::optional<netmon::Protocol> protocol) {
    if (protocol == m_protocol) {
        return;
    }
    m_protocol = protocol;
    invalidateRowsFilter();
}

void ConnectionFilterProxy::setState(const QString& state) {
    if (state == m_state) {
        return;
    }
    m_state = state;
    invalidateRowsFilter();
}

void ConnectionFilterProxy::setProcess(const QString& process) {
    if (process == m_process) {
        return;
    }
    m_process = process;
    invalidateRowsFilter();
}

void ConnectionFilterProxy::setShowListening(bool show) {
    if (show == m_showListening) {
        return;
    }
    m_showListening = show;
    invalidateRowsFilter();
}

bool ConnectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (m_model == nullptr) {
        return true;
    }
    const ConnectionRow& row = m_model->rowAt(sourceRow);
    if (!m_showListening && row.flow.listening) {
        return false;
    }
    if (m_protocol && row.flow.key.protocol != *m_protocol) {
        return false;
    }
    if (!m_state.isEmpty() && toQString(row.flow.state) != m_state) {
        return false;
    }
    if (!m_process.isEmpty() && shownText(row.flow.processName) != m_process) {  // as listed
        return false;
    }
    // Every word must appear somewhere in the row: "firefox 443" finds its HTTPS flows.
    for (const QString& word : m_words) {
        if (!row.haystack.contains(word)) {
            return false;
        }
    }
    return true;
}

bool ConnectionFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (m_model == nullptr) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    return ConnectionRowOrder(left.column())(m_model->rowAt(left.row()),
                                             m_model->rowAt(right.row()));
}

}  // namespace netmon::gui
