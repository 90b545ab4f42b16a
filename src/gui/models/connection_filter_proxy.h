// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/model/flow_key.h"

namespace netmon::gui {

class ConnectionTableModel;

// The Connections screen's filters (search across columns, protocol, state, process, listening
// sockets) and sort, reading the source rows directly rather than through QVariants.
class ConnectionFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ConnectionFilterProxy(QObject* parent = nullptr);

    void setConnectionModel(ConnectionTableModel* model);
    void setSearchText(const QString& text);
    void setProtocol(std::optional<netmon::Protocol> protocol);
    void setState(const QString& state);      // empty: every state
    void setProcess(const QString& process);  // empty: every process
    void setShowListening(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ConnectionTableModel* m_model = nullptr;
    QString m_search;  // lower case
    QStringList m_words;
    std::optional<netmon::Protocol> m_protocol;
    QString m_state;
    QString m_process;
    bool m_showListening = true;
};

}  // namespace netmon::gui
