// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace netmon::gui {

// The tray icon: current rates in its tooltip, a menu to show the window or quit. Absent where
// the desktop has no tray (available() is false then).
class TrayIcon : public QObject {
    Q_OBJECT
public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    [[nodiscard]] static bool available();
    [[nodiscard]] bool visible() const;
    void setRates(double downloadBps, double uploadBps);
    [[nodiscard]] QString toolTip() const { return m_toolTip; }

Q_SIGNALS:
    void showRequested();
    void quitRequested();

private:
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
    QString m_toolTip;
};

}  // namespace netmon::gui
