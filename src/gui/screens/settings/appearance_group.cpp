// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/appearance_group.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace netmon::gui {

AppearanceGroup::AppearanceGroup(QWidget* parent)
    : QGroupBox(tr("Appearance"), parent), m_theme(new QComboBox(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    auto* row = new QHBoxLayout;
    m_theme->addItem(tr("Dark"), themeToString(ThemeName::Dark));
    m_theme->addItem(tr("Light"), themeToString(ThemeName::Light));
    row->addWidget(new QLabel(tr("Theme"), this));
    row->addWidget(m_theme);
    row->addStretch(1);
    m_closeToTray = new QCheckBox(tr("Keep running in the tray when the window is closed"), this);
    layout->addLayout(row);
    layout->addWidget(m_closeToTray);
    m_startAtLogin = new QCheckBox(tr("Start at login, in the tray"), this);
    m_startAtLogin->setVisible(false);
    layout->addWidget(m_startAtLogin);
    connect(m_startAtLogin, &QCheckBox::toggled, this, &AppearanceGroup::startAtLoginChanged);
    connect(m_theme, &QComboBox::activated, this, [this](int index) {
        Q_EMIT themeChanged(themeFromString(m_theme->itemData(index).toString()));
    });
    connect(m_closeToTray, &QCheckBox::toggled, this, &AppearanceGroup::closeToTrayChanged);
}

void AppearanceGroup::setAppearance(ThemeName theme, bool closeToTray, bool trayAvailable) {
    const QSignalBlocker blockTheme(m_theme);
    const QSignalBlocker blockTray(m_closeToTray);
    m_theme->setCurrentIndex(m_theme->findData(themeToString(theme)));
    m_closeToTray->setChecked(closeToTray && trayAvailable);
    m_closeToTray->setEnabled(trayAvailable);
    m_closeToTray->setToolTip(trayAvailable ? QString() : tr("This desktop has no system tray."));
}

void AppearanceGroup::setStartAtLogin(bool available, bool enabled) {
    const QSignalBlocker block(m_startAtLogin);
    m_startAtLogin->setVisible(available);
    m_startAtLogin->setChecked(enabled);
    m_startAtLogin->setToolTip(
        tr("Adds netmon-gui.desktop to your autostart folder (~/.config/autostart), which starts "
           "the app in the tray when you log in; unticking removes it."));
}

void AppearanceGroup::setStartAtLoginResult(bool enabled, const QString& error) {
    const QSignalBlocker block(m_startAtLogin);
    m_startAtLogin->setChecked(enabled);
    if (!error.isEmpty()) {
        m_startAtLogin->setToolTip(tr("Not changed: %1").arg(error));
    }
}

}  // namespace netmon::gui
