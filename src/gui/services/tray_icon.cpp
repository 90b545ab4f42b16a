// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/tray_icon.h"

#include <QMenu>
#include <QSystemTrayIcon>

#include "gui/theme/theme.h"
#include "gui/types/qt_text.h"

namespace netmon::gui {

TrayIcon::TrayIcon(QObject* parent) : QObject(parent) {
    m_toolTip = tr("Network Monitor");
    if (!available()) {
        return;
    }
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Network Monitor"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_icon = new QSystemTrayIcon(themeIcon(QStringLiteral("app")), this);
    m_icon->setContextMenu(m_menu);
    m_icon->setToolTip(m_toolTip);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                    Q_EMIT showRequested();
                }
            });
    m_icon->show();
}

TrayIcon::~TrayIcon() {
    delete m_menu;
}

bool TrayIcon::available() {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayIcon::visible() const {
    return m_icon != nullptr && m_icon->isVisible();
}

void TrayIcon::setRates(double downloadBps, double uploadBps) {
    m_toolTip =
        tr("Network Monitor\n↓ %1   ↑ %2").arg(bitRateText(downloadBps), bitRateText(uploadBps));
    if (m_icon != nullptr) {
        m_icon->setToolTip(m_toolTip);
    }
}

}  // namespace netmon::gui
