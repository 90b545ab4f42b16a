// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/ui_settings.h"

namespace netmon::gui {

UiSettings::UiSettings()
    : m_settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("NetworkMonitor"),
                 QStringLiteral("netmon-gui")) {}

QByteArray UiSettings::geometry() const {
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void UiSettings::setGeometry(const QByteArray& geometry) {
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
}

int UiSettings::lastScreen() const {
    return m_settings.value(QStringLiteral("window/screen"), 0).toInt();
}

void UiSettings::setLastScreen(int screen) {
    m_settings.setValue(QStringLiteral("window/screen"), screen);
}

ThemeName UiSettings::theme() const {
    return themeFromString(m_settings.value(QStringLiteral("appearance/theme")).toString());
}

void UiSettings::setTheme(ThemeName theme) {
    m_settings.setValue(QStringLiteral("appearance/theme"), themeToString(theme));
}

bool UiSettings::closeToTray() const {
    return m_settings.value(QStringLiteral("appearance/close_to_tray"), false).toBool();
}

void UiSettings::setCloseToTray(bool enabled) {
    m_settings.setValue(QStringLiteral("appearance/close_to_tray"), enabled);
}

}  // namespace netmon::gui
