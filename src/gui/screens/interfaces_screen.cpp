// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/interfaces_screen.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/models/interface_filter_proxy.h"
#include "gui/models/interface_table_model.h"
#include "gui/widgets/column_fitter.h"
#include "gui/widgets/sparkline_delegate.h"
#include "gui/widgets/table_columns.h"

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
    using Fit = ColumnFitter::Column;
    const auto text = [this](const char* sample) {
        return textColumnWidth(*m_table, QString::fromLatin1(sample));
    };
    const auto figure = [this](int column) { return figureColumnWidth(*m_table, column); };
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    new ColumnFitter(
        *m_table,
        {Fit{InterfaceTableModel::Name, text("wlp0s20f3"), 1},
         Fit{InterfaceTableModel::State, headerColumnWidth(*m_table, InterfaceTableModel::State)},
         Fit{InterfaceTableModel::Type, text("container")},
         Fit{InterfaceTableModel::Addresses, text("192.168.100.100/24"), 4},
         Fit{InterfaceTableModel::Speed, figure(InterfaceTableModel::Speed)},
         Fit{InterfaceTableModel::Received, figure(InterfaceTableModel::Received)},
         Fit{InterfaceTableModel::Sent, figure(InterfaceTableModel::Sent)},
         Fit{InterfaceTableModel::Download, figure(InterfaceTableModel::Download)},
         Fit{InterfaceTableModel::Upload, figure(InterfaceTableModel::Upload)},
         Fit{InterfaceTableModel::Activity, 110}});

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
    m_summary->setText(shown == all ? (all == 1 ? tr("1 interface") : tr("%1 interfaces").arg(all))
                                    : tr("%1 of %2 shown").arg(shown).arg(all));
}

}  // namespace netmon::gui
