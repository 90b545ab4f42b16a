// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

#include "gui/theme/theme.h"

class QCheckBox;
class QComboBox;

namespace netmon::gui {

// "Appearance": the theme and whether closing the window leaves the app in the tray. These are
// the app's own preferences, not the shared settings file's, so they apply when chosen.
class AppearanceGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit AppearanceGroup(QWidget* parent = nullptr);

    void setAppearance(ThemeName theme, bool closeToTray, bool trayAvailable);
    // "Start at login": hidden where the app does not manage it (Windows: the installer does).
    void setStartAtLogin(bool available, bool enabled);
    // A change could not be saved: the box shows what is in effect, and why.
    void setStartAtLoginResult(bool enabled, const QString& error);
    [[nodiscard]] QCheckBox* startAtLoginBox() const { return m_startAtLogin; }

Q_SIGNALS:
    void themeChanged(netmon::gui::ThemeName theme);
    void closeToTrayChanged(bool enabled);
    void startAtLoginChanged(bool enabled);

private:
    QComboBox* m_theme;
    QCheckBox* m_closeToTray = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
};

}  // namespace netmon::gui
