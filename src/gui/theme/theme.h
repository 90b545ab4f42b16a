// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

class QApplication;

namespace netmon::gui {

enum class ThemeName { Dark, Light };

// Applies a theme to the whole app: the Fusion style, a palette (which the charts and painted
// widgets read) and the QSS file of the same name from the resources (theme/dark.qss,
// theme/light.qss).
void applyTheme(QApplication& app, ThemeName theme);
ThemeName themeFromString(const QString& name);  // "light" or else dark
QString themeToString(ThemeName theme);

// An icon from theme/icons/ ("dashboard", "app", …).
QIcon themeIcon(const QString& name);

}  // namespace netmon::gui
