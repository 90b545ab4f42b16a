// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace netmon::gui {

class MainWindow;

// Saves every screen of `window` as "<dir>/<screen><suffix>.png" (the folder is created) and
// returns the files written; the window ends on the screen it was on.
QStringList saveScreenshots(MainWindow& window, const QString& dir, const QString& suffix = {});

}  // namespace netmon::gui
