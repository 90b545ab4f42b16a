// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/monitored_interfaces_group.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/screens/settings/settings_validation.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

MonitoredInterfacesGroup::MonitoredInterfacesGroup(QWidget* parent)
    : QGroupBox(tr("Monitored interfaces"), parent),
      m_allInterfaces(new QCheckBox(tr("Monitor all interfaces"), this)),
      m_interfaces(new QListWidget(this)),
      m_refusal(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    m_interfaces->setMinimumHeight(90);
    m_interfaces->setMaximumHeight(160);
    m_refusal->setProperty("error", true);
    m_refusal->setVisible(false);
    layout->addWidget(m_allInterfaces);
    layout->addWidget(m_interfaces);
    layout->addWidget(m_refusal);
    connect(m_allInterfaces, &QCheckBox::toggled, this, [this](bool all) {
        m_interfaces->setEnabled(!all);
        validate();
    });
    connect(m_interfaces, &QListWidget::itemChanged, this, &MonitoredInterfacesGroup::validate);
}

void MonitoredInterfacesGroup::setConfig(const Config& config) {
    {
        const QSignalBlocker blockAll(m_allInterfaces);
        const QSignalBlocker blockList(m_interfaces);
        m_allInterfaces->setChecked(config.monitoredInterfaces.empty());
        m_interfaces->setEnabled(!config.monitoredInterfaces.empty());
        m_interfaces->clear();
        std::set<std::string> names = m_knownInterfaces;
        names.insert(config.monitoredInterfaces.begin(), config.monitoredInterfaces.end());
        for (const std::string& name : names) {
            const bool checked =
                std::find(config.monitoredInterfaces.begin(), config.monitoredInterfaces.end(),
                          name) != config.monitoredInterfaces.end();
            addInterfaceItem(toQString(name), checked);
        }
    }
    validate();
}

void MonitoredInterfacesGroup::addInterfaceItem(const QString& name, bool checked) {
    // Shown escaped (shownText is one-to-one, so items can be found by it); the name itself is
    // what gets saved.
    auto* item = new QListWidgetItem(shownText(toStdString(name)), m_interfaces);
    item->setData(Qt::UserRole, name);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void MonitoredInterfacesGroup::showSnapshot(const Snapshot& snapshot) {
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (m_knownInterfaces.insert(stat.name).second &&
            m_interfaces->findItems(shownText(stat.name), Qt::MatchExactly).isEmpty()) {
            const QSignalBlocker block(m_interfaces);
            addInterfaceItem(toQString(stat.name), false);
        }
    }
}

QStringList MonitoredInterfacesGroup::checkedNames() const {
    QStringList checked;
    for (int i = 0; i < m_interfaces->count(); ++i) {
        if (m_interfaces->item(i)->checkState() == Qt::Checked) {
            checked << m_interfaces->item(i)->data(Qt::UserRole).toString();
        }
    }
    return checked;
}

void MonitoredInterfacesGroup::validate() {
    const auto interfaces = parseMonitoredInterfaces(m_allInterfaces->isChecked(), checkedNames());
    const QString* reason = refusal(interfaces);
    m_refusal->setText(reason != nullptr ? *reason : QString());
    m_refusal->setVisible(reason != nullptr);
    Q_EMIT edited();
}

bool MonitoredInterfacesGroup::applyTo(Config& config) const {
    const auto interfaces = parseMonitoredInterfaces(m_allInterfaces->isChecked(), checkedNames());
    if (!interfaces) {
        return false;
    }
    config.monitoredInterfaces.clear();
    for (const QString& name : *interfaces) {
        config.monitoredInterfaces.push_back(name.toStdString());
    }
    return true;
}

void MonitoredInterfacesGroup::setAllInterfaces(bool all) {
    m_allInterfaces->setChecked(all);
}

void MonitoredInterfacesGroup::setInterfaceChecked(const QString& name, bool checked) {
    for (QListWidgetItem* item : m_interfaces->findItems(name, Qt::MatchExactly)) {
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

}  // namespace netmon::gui
