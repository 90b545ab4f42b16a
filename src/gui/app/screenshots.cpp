// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/screenshots.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>

#include "gui/window/main_window.h"

namespace netmon::gui {

QStringList saveScreenshots(MainWindow& window, const QString& dir, const QString& suffix) {
    QDir().mkpath(dir);
    QStringList written;
    const MainWindow::Screen current = window.currentScreen();
    for (int i = 0; i < static_cast<int>(MainWindow::Screen::Count); ++i) {
        const auto screen = static_cast<MainWindow::Screen>(i);
        window.setCurrentScreen(screen);
        QCoreApplication::processEvents();  // let layouts and charts settle
        QCoreApplication::processEvents();
        const QString path =
            QDir(dir).filePath(MainWindow::screenName(screen) + suffix + QStringLiteral(".png"));
        if (window.grab().save(path)) {
            written << path;
        }
    }
    window.setCurrentScreen(current);
    return written;
}

}  // namespace netmon::gui
