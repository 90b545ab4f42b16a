// SPDX-License-Identifier: GPL-3.0-or-later
#include "screens/interfaces_screen.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "models/interface_filter_proxy.h"
#include "models/interface_table_model.h"
#include "widgets/sparkline_delegate.h"
#include "widgets/table_columns.h"

namespace netmon::gui {

InterfacesScreen::InterfacesScreen(QWidget* parent)
    : QWidget(parent),
      m_model(new InterfaceTableModel(this)),
      m_proxy(new InterfaceFilterProxy(this)),
      m_table(new QTableView(this)),
      m_showVirtual(new QCheckBox(tr("Show loopback and virtual interfaces"), this)),
      m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("screen"));
    m_proxy->setSourceModel(m_model);

    auto* title = new QLabel(tr("Interfaces"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_summary->setProperty("muted", true);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_summary, 0, Qt::AlignBottom);
    header->addStretch(1);
    header->addWidget(m_showVirtual);
    m_showVirtual->setToolTip(
        tr("Loopback, veth, bridges, tunnels and container networks carry traffic that also "
           "crosses a physical interface, or never leaves the machine."));
    connect(m_showVirtual, &QCheckBox::toggled, this, &InterfacesScreen::setShowVirtual);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InterfaceTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->setItemDelegateForColumn(
        InterfaceTableModel::Activity,
        new SparklineDelegate(InterfaceTableModel::ActivityRole, this));
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(InterfaceTableModel::Addresses, QHeaderView::Stretch);
    columns->setSectionResizeMode(InterfaceTableModel::Activity, QHeaderView::Fixed);
    columns->resizeSection(InterfaceTableModel::Activity, 130);
    columns->setMinimumSectionSize(60);
    // Figures change every tick: fixed widths that fit the widest value, so columns never jump.
    for (const int column : {InterfaceTableModel::Speed, InterfaceTableModel::Received,
                             InterfaceTableModel::Sent, InterfaceTableModel::Download,
                             InterfaceTableModel::Upload}) {
        columns->setSectionResizeMode(column, QHeaderView::Fixed);
        columns->resizeSection(column, figureColumnWidth(*m_table, column));
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    updateSummary();
}

void InterfacesScreen::showSnapshot(const Snapshot& snapshot) {
    m_model->update(snapshot.interfaces);
    updateSummary();
}

void InterfacesScreen::setShowVirtual(bool show) {
    m_showVirtual->setChecked(show);
    m_proxy->setShowVirtual(show);
    updateSummary();
}

void InterfacesScreen::updateSummary() {
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_summary->setText(shown == all ? tr("%n interface(s)", nullptr, all)
                                    : tr("%1 of %n shown", nullptr, all).arg(shown));
}

}  // namespace netmon::gui
