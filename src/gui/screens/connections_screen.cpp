// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/connections_screen.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/models/connection_filter_proxy.h"
#include "gui/models/connection_table_model.h"
#include "gui/types/qt_text.h"
#include "gui/widgets/column_fitter.h"
#include "gui/widgets/table_columns.h"

namespace netmon::gui {

ConnectionsScreen::ConnectionsScreen(QWidget* parent)
    : QWidget(parent),
      m_model(new ConnectionTableModel(this)),
      m_proxy(new ConnectionFilterProxy(this)),
      m_table(new QTableView(this)),
      m_summary(new QLabel(this)),
      m_note(new QLabel(this)),
      m_stack(new QStackedWidget(this)),
      m_empty(new QLabel(this)) {
    setObjectName(QStringLiteral("screen"));
    m_proxy->setConnectionModel(m_model);

    auto* title = new QLabel(tr("Connections"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_summary->setProperty("muted", true);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_summary, 0, Qt::AlignBottom);
    header->addStretch(1);

    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConnectionTableModel::Received, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(28);
    using Fit = ColumnFitter::Column;
    const auto text = [this](const char* sample) {
        return textColumnWidth(*m_table, QString::fromLatin1(sample));
    };
    const auto figure = [this](int column) { return figureColumnWidth(*m_table, column); };
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    new ColumnFitter(*m_table,
                     {Fit{ConnectionTableModel::Protocol,
                          headerColumnWidth(*m_table, ConnectionTableModel::Protocol)},
                      // Narrow windows drop the local end and the service name first.
                      Fit{ConnectionTableModel::Local, text("1.1.1.1:443"), 1, 1000},
                      Fit{ConnectionTableModel::Remote, text("1.1.1.1:443"), 3},
                      Fit{ConnectionTableModel::Host, text("nas.lan"), 3},
                      Fit{ConnectionTableModel::Service, text("https-alt"), 0, 1000},
                      Fit{ConnectionTableModel::State, text("ESTABLISHED")},
                      Fit{ConnectionTableModel::Process, text("ssh (5120)"), 1},
                      Fit{ConnectionTableModel::Received, figure(ConnectionTableModel::Received)},
                      Fit{ConnectionTableModel::Sent, figure(ConnectionTableModel::Sent)},
                      Fit{ConnectionTableModel::Download, figure(ConnectionTableModel::Download)},
                      Fit{ConnectionTableModel::Upload, figure(ConnectionTableModel::Upload)}});
    m_table->setTextElideMode(Qt::ElideMiddle);

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("note"));
    auto* emptyPage = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_empty);
    emptyLayout->addStretch(2);
    m_stack->addWidget(m_table);
    m_stack->addWidget(emptyPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_note);
    m_filters = makeFilters();
    layout->addWidget(m_filters);
    layout->addWidget(m_stack, 1);

    connect(m_model, &ConnectionTableModel::filterChoicesChanged, this,
            &ConnectionsScreen::refreshChoices);
    for (const auto signal :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &ConnectionsScreen::updateSummary);
    }
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ConnectionsScreen::updateSummary);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ConnectionsScreen::updateSummary);
    updateSummary();
}

QWidget* ConnectionsScreen::makeFilters() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_search = new QLineEdit(row);
    m_search->setPlaceholderText(tr("Search address, port, host, service, state, process…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    connect(m_search, &QLineEdit::textChanged, this, &ConnectionsScreen::setSearchText);
    layout->addWidget(m_search, 1);

    m_protocol = new QComboBox(row);
    m_protocol->addItem(tr("All protocols"));
    m_protocol->addItem(QStringLiteral("TCP"), static_cast<int>(netmon::Protocol::Tcp));
    m_protocol->addItem(QStringLiteral("UDP"), static_cast<int>(netmon::Protocol::Udp));
    connect(m_protocol, &QComboBox::activated, this, [this](int index) {
        const QVariant value = m_protocol->itemData(index);
        m_proxy->setProtocol(value.isValid()
                                 ? std::optional(static_cast<netmon::Protocol>(value.toInt()))
                                 : std::nullopt);
        updateSummary();
    });
    layout->addWidget(m_protocol);

    m_state = new QComboBox(row);
    m_state->addItem(tr("All states"));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_state, &QComboBox::activated, this, [this](int index) {
        setStateFilter(index == 0 ? QString() : m_state->itemText(index));
    });
    layout->addWidget(m_state);

    m_process = new QComboBox(row);
    m_process->addItem(tr("All processes"));
    m_process->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_process->setMaximumWidth(220);
    connect(m_process, &QComboBox::activated, this, [this](int index) {
        setProcessFilter(index == 0 ? QString() : m_process->itemText(index));
    });
    layout->addWidget(m_process);

    m_listening = new QCheckBox(tr("Listening"), row);
    m_listening->setChecked(true);
    m_listening->setToolTip(tr("Show listening TCP sockets and unconnected UDP sockets"));
    connect(m_listening, &QCheckBox::toggled, this, [this](bool show) {
        m_proxy->setShowListening(show);
        updateSummary();
    });
    layout->addWidget(m_listening);
    return row;
}

void ConnectionsScreen::showSnapshot(const std::shared_ptr<const Snapshot>& snapshot) {
    if (!isVisible()) {
        m_pending = snapshot;  // applied when the screen is shown
        return;
    }
    m_pending.reset();
    apply(*snapshot);
}

void ConnectionsScreen::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_pending) {
        const auto pending = std::move(m_pending);
        apply(*pending);
    }
}

void ConnectionsScreen::apply(const Snapshot& snapshot) {
    const Visibility& visibility = snapshot.visibility;
    m_model->update(snapshot.flows, visibility);
    // The banner carries the mode's note; here, what it means for this table.
    const QString note = toQString(visibility.note);
    const bool gaps = !visibility.udpBytes || !visibility.tcpBytes || !visibility.allProcesses;
    m_note->setText(gaps ? tr("Cells with — or “another user's” are what this mode cannot see; "
                              "hover one for why and for how deep mode would show it.")
                         : QString());
    m_note->setToolTip(note);
    m_note->setVisible(visibility.flows && gaps);
    if (!visibility.flows) {
        m_empty->setText(
            note.isEmpty()
                ? tr("Connections are not listed in this mode. Interface totals on the other "
                     "screens are exact.")
                : note);
    }
    m_stack->setCurrentIndex(visibility.flows ? 0 : 1);
    m_filters->setVisible(visibility.flows);  // nothing to filter
    updateSummary();
}

void ConnectionsScreen::refreshChoices() {
    const auto refill = [](QComboBox* box, const QStringList& items) {
        const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
        while (box->count() > 1) {
            box->removeItem(1);
        }
        box->addItems(items);
        if (!current.isEmpty()) {
            int index = box->findText(current);
            if (index < 0) {  // keep the user's filter even if no flow matches right now
                box->addItem(current);
                index = box->count() - 1;
            }
            box->setCurrentIndex(index);
        }
    };
    refill(m_state, m_model->states());
    refill(m_process, m_model->processes());
}

void ConnectionsScreen::setSearchText(const QString& text) {
    if (m_search->text() != text) {
        m_search->setText(text);  // comes back here through textChanged
        return;
    }
    m_proxy->setSearchText(text);
    updateSummary();
}

void ConnectionsScreen::setProtocolFilter(std::optional<netmon::Protocol> protocol) {
    const int index = protocol ? m_protocol->findData(static_cast<int>(*protocol)) : 0;
    m_protocol->setCurrentIndex(std::max(0, index));
    m_proxy->setProtocol(protocol);
    updateSummary();
}

void ConnectionsScreen::setStateFilter(const QString& state) {
    m_proxy->setState(state);
    const int index = state.isEmpty() ? 0 : m_state->findText(state);
    if (index >= 0) {
        m_state->setCurrentIndex(index);
    }
    updateSummary();
}

void ConnectionsScreen::setProcessFilter(const QString& process) {
    m_proxy->setProcess(process);
    const int index = process.isEmpty() ? 0 : m_process->findText(process);
    if (index >= 0) {
        m_process->setCurrentIndex(index);
    }
    updateSummary();
}

QString ConnectionsScreen::noteText() const {
    return m_stack->currentIndex() == 0 ? m_note->text() + QLatin1Char('\n') + m_note->toolTip()
                                        : m_empty->text();
}

void ConnectionsScreen::updateSummary() {
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QLocale locale;
    m_summary->setText(
        shown == all ? tr("%1 connections and sockets").arg(locale.toString(all))
                     : tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(all)));
}

}  // namespace netmon::gui
