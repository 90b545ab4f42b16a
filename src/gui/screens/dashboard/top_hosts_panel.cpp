// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard/top_hosts_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/models/host_list_model.h"
#include "gui/screens/dashboard/section_title.h"
#include "gui/types/qt_text.h"
#include "gui/widgets/share_bar_delegate.h"

namespace netmon::gui {

TopHostsPanel::TopHostsPanel(HostListModel* hosts, QWidget* parent)
    : QFrame(parent), m_hosts(hosts) {
    setObjectName(QStringLiteral("panel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->addWidget(sectionTitle(tr("Top remote hosts"), this));

    m_table = new QTableView(this);
    m_table->setModel(m_hosts);
    m_table->setItemDelegateForColumn(HostListModel::Share,
                                      new ShareBarDelegate(HostListModel::ShareRole, this));
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(HostListModel::Host, QHeaderView::Stretch);
    header->setSectionResizeMode(HostListModel::Share, QHeaderView::Fixed);
    header->resizeSection(HostListModel::Share, 110);
    header->setSectionResizeMode(HostListModel::Traffic, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HostListModel::Connections, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(30);

    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setProperty("muted", true);
    m_empty->setText(tr("Waiting for the first connections…"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);
    layout->addWidget(m_stack, 1);
    setMinimumHeight(220);
}

void TopHostsPanel::refresh(const Visibility& visibility) {
    if (m_hosts->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    m_stack->setCurrentWidget(m_empty);
    m_empty->setText(visibility.flows ? tr("No traffic with remote hosts yet.")
                                      : tr("Remote hosts are not available in this mode.\n%1")
                                            .arg(toQString(visibility.note)));
}

}  // namespace netmon::gui
