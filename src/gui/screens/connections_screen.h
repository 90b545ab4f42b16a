// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <memory>
#include <optional>

#include "core/model/snapshot.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace netmon::gui {

class ConnectionFilterProxy;
class ConnectionTableModel;

// Every open connection and listening socket, searchable and filterable, with what the running
// mode cannot see said plainly. While hidden it keeps only the latest tick and catches up when
// shown, so 5,000 flows cost nothing when nobody looks at them.
class ConnectionsScreen : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionsScreen(QWidget* parent = nullptr);

    void showSnapshot(const std::shared_ptr<const Snapshot>& snapshot);

    void setSearchText(const QString& text);
    void setProtocolFilter(std::optional<netmon::Protocol> protocol);
    void setStateFilter(const QString& state);
    void setProcessFilter(const QString& process);

    [[nodiscard]] ConnectionTableModel* model() const { return m_model; }
    [[nodiscard]] ConnectionFilterProxy* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QString noteText() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* makeFilters();
    void apply(const Snapshot& snapshot);
    void refreshChoices();
    void updateSummary();

    ConnectionTableModel* m_model;
    ConnectionFilterProxy* m_proxy;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_note;
    QLineEdit* m_search = nullptr;
    QComboBox* m_protocol = nullptr;
    QComboBox* m_state = nullptr;
    QComboBox* m_process = nullptr;
    QCheckBox* m_listening = nullptr;
    QStackedWidget* m_stack;
    QWidget* m_filters = nullptr;
    QLabel* m_empty;
    std::shared_ptr<const Snapshot> m_pending;  // the latest tick while hidden
};

}  // namespace netmon::gui
