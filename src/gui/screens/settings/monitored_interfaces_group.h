// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QStringList>
#include <set>
#include <string>

#include "core/config.h"
#include "core/model/snapshot.h"

class QCheckBox;
class QLabel;
class QListWidget;

namespace netmon::gui {

// "Monitored interfaces": all of them, or the ones ticked in a list of every interface seen
// (and every one the settings name); at least one when not all.
class MonitoredInterfacesGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit MonitoredInterfacesGroup(QWidget* parent = nullptr);

    void setConfig(const Config& config);
    // False when no interface is ticked and "all" is not either.
    [[nodiscard]] bool applyTo(Config& config) const;
    void showSnapshot(const Snapshot& snapshot);  // learns the interfaces there are
    void setAllInterfaces(bool all);
    void setInterfaceChecked(const QString& name, bool checked);

Q_SIGNALS:
    void edited();

private:
    void addInterfaceItem(const QString& name, bool checked);
    [[nodiscard]] QStringList checkedNames() const;
    void validate();

    QCheckBox* m_allInterfaces;
    QListWidget* m_interfaces;
    QLabel* m_refusal;
    std::set<std::string> m_knownInterfaces;
};

}  // namespace netmon::gui
