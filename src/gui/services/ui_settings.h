// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>

#include "gui/theme/theme.h"

namespace netmon::gui {

// The app's own preferences, kept apart from the shared config.json (which the CLI reads too):
// window geometry, the last screen, theme, close-to-tray. Qt stores them in
// $XDG_CONFIG_HOME/NetworkMonitor/netmon-gui.conf.
class UiSettings {
public:
    UiSettings();

    [[nodiscard]] QByteArray geometry() const;
    void setGeometry(const QByteArray& geometry);
    [[nodiscard]] int lastScreen() const;
    void setLastScreen(int screen);
    [[nodiscard]] ThemeName theme() const;
    void setTheme(ThemeName theme);
    [[nodiscard]] bool closeToTray() const;
    void setCloseToTray(bool enabled);

private:
    QSettings m_settings;
};

}  // namespace netmon::gui
