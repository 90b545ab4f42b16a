// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard/dashboard_header.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <algorithm>
#include <utility>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

DashboardHeader::DashboardHeader(std::chrono::seconds window, QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Dashboard"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    layout->addWidget(title);
    layout->addStretch(1);

    m_windowButtons = new QButtonGroup(this);
    const std::pair<QString, int> windows[] = {
        {tr("1 min"), 60}, {tr("5 min"), 300}, {tr("1 h"), 3600}};
    for (const auto& [label, seconds] : windows) {
        auto* button = new QPushButton(label, this);
        button->setCheckable(true);
        button->setChecked(seconds == window.count());
        button->setToolTip(tr("Show the last %1 in the chart").arg(label));
        m_windowButtons->addButton(button, seconds);
        layout->addWidget(button);
    }
    connect(m_windowButtons, &QButtonGroup::idClicked, this,
            [this](int seconds) { Q_EMIT windowChosen(std::chrono::seconds(seconds)); });

    m_interfaceBox = new QComboBox(this);
    m_interfaceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_interfaceBox->addItem(tr("All interfaces"), kAllInterfaces);
    m_interfaceBox->setToolTip(
        tr("All physical interfaces (loopback and virtual ones left out), or one interface"));
    connect(m_interfaceBox, &QComboBox::activated, this, [this](int index) {
        Q_EMIT interfaceChosen(m_interfaceBox->itemData(index).toString());
    });
    layout->addSpacing(8);
    layout->addWidget(m_interfaceBox);
}

void DashboardHeader::setWindow(std::chrono::seconds window) {
    if (QAbstractButton* button = m_windowButtons->button(static_cast<int>(window.count()))) {
        button->setChecked(true);
    }
}

void DashboardHeader::setInterface(const QString& name) {
    m_interface = name;
    const int index = m_interfaceBox->findData(name);
    if (index >= 0) {
        m_interfaceBox->setCurrentIndex(index);
    }
}

void DashboardHeader::setInterfaceNames(const QStringList& names) {
    if (names == m_interfaceNames) {
        return;
    }
    m_interfaceNames = names;
    while (m_interfaceBox->count() > 1) {
        m_interfaceBox->removeItem(1);
    }
    for (const QString& name : names) {
        m_interfaceBox->addItem(shownText(toStdString(name)), name);  // shown escaped, kept as is
    }
    m_interfaceBox->setCurrentIndex(std::max(0, m_interfaceBox->findData(m_interface)));
}

}  // namespace netmon::gui
