// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's header (time window, interface) and top-hosts panel: layout only.
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/models/host_list_model.h"
#include "gui/screens/dashboard_screen.h"
#include "gui/widgets/share_bar_delegate.h"

namespace netmon::gui {

QWidget* DashboardScreen::makeHeader() {
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Dashboard"), header);
    title->setObjectName(QStringLiteral("screenTitle"));
    layout->addWidget(title);
    layout->addStretch(1);

    m_windowButtons = new QButtonGroup(header);
    const std::pair<QString, int> windows[] = {
        {tr("1 min"), 60}, {tr("5 min"), 300}, {tr("1 h"), 3600}};
    for (const auto& [label, seconds] : windows) {
        auto* button = new QPushButton(label, header);
        button->setCheckable(true);
        button->setChecked(seconds == m_window.count());
        button->setToolTip(tr("Show the last %1 in the chart").arg(label));
        m_windowButtons->addButton(button, seconds);
        layout->addWidget(button);
    }
    connect(m_windowButtons, &QButtonGroup::idClicked, this,
            [this](int seconds) { setWindow(std::chrono::seconds(seconds)); });

    m_interfaceBox = new QComboBox(header);
    m_interfaceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_interfaceBox->addItem(tr("All interfaces"), kAllInterfaces);
    m_interfaceBox->setToolTip(
        tr("All physical interfaces (loopback and virtual ones left out), or one interface"));
    connect(m_interfaceBox, &QComboBox::activated, this,
            [this](int index) { setInterface(m_interfaceBox->itemData(index).toString()); });
    layout->addSpacing(8);
    layout->addWidget(m_interfaceBox);
    return header;
}

QWidget* DashboardScreen::makeHostsPanel() {
    auto* panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("panel"));
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->addWidget(dashboardSectionTitle(tr("Top remote hosts"), panel));

    m_hostTable = new QTableView(panel);
    m_hostTable->setModel(m_hosts);
    m_hostTable->setItemDelegateForColumn(HostListModel::Share,
                                          new ShareBarDelegate(HostListModel::ShareRole, this));
    m_hostTable->verticalHeader()->hide();
    m_hostTable->setShowGrid(false);
    m_hostTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_hostTable->setFocusPolicy(Qt::NoFocus);
    m_hostTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_hostTable->setWordWrap(false);
    m_hostTable->setTextElideMode(Qt::ElideMiddle);
    QHeaderView* header = m_hostTable->horizontalHeader();
    header->setSectionResizeMode(HostListModel::Host, QHeaderView::Stretch);
    header->setSectionResizeMode(HostListModel::Share, QHeaderView::Fixed);
    header->resizeSection(HostListModel::Share, 110);
    header->setSectionResizeMode(HostListModel::Traffic, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HostListModel::Connections, QHeaderView::ResizeToContents);
    m_hostTable->verticalHeader()->setDefaultSectionSize(30);

    m_hostEmpty = new QLabel(panel);
    m_hostEmpty->setWordWrap(true);
    m_hostEmpty->setAlignment(Qt::AlignCenter);
    m_hostEmpty->setProperty("muted", true);
    m_hostEmpty->setText(tr("Waiting for the first connections…"));

    m_hostStack = new QStackedWidget(panel);
    m_hostStack->addWidget(m_hostEmpty);
    m_hostStack->addWidget(m_hostTable);
    layout->addWidget(m_hostStack, 1);
    panel->setMinimumHeight(220);
    return panel;
}

}  // namespace netmon::gui
