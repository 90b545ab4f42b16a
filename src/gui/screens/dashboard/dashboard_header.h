// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>
#include <chrono>

class QButtonGroup;
class QComboBox;

namespace netmon::gui {

// The dashboard's title row and its two choices: the chart's time window (1 min, 5 min, 1 h) and
// the interface the figures are for (all physical ones, or one).
class DashboardHeader : public QWidget {
    Q_OBJECT
public:
    // The interface choice that means every physical interface (loopback and virtual ones left
    // out).
    static inline const QString kAllInterfaces = QStringLiteral("*");

    DashboardHeader(std::chrono::seconds window, QWidget* parent = nullptr);

    void setWindow(std::chrono::seconds window);
    void setInterface(const QString& name);
    // The interfaces to offer, physical ones first; the choice is kept when it is still there.
    void setInterfaceNames(const QStringList& names);

Q_SIGNALS:
    void windowChosen(std::chrono::seconds window);
    void interfaceChosen(const QString& name);

private:
    QButtonGroup* m_windowButtons;
    QComboBox* m_interfaceBox = nullptr;
    QString m_interface = kAllInterfaces;
    QStringList m_interfaceNames;
};

}  // namespace netmon::gui
