// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/gui_main.h"

#include <QApplication>
#include <QTimer>
#include <cstdio>

#include "gui/app/app_controller.h"
#include "gui/app/gui_options.h"
#include "gui/app/screenshots.h"
#include "gui/app/state_dump.h"
#include "gui/window/main_window.h"

namespace netmon::gui {

int runGuiApp(int argc, char** argv) {
    // Fractional scale factors (125 %, 150 %) as the desktop sets them, not rounded.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("netmon-gui"));
    QApplication::setApplicationDisplayName(QStringLiteral("Network Monitor"));
    QApplication::setOrganizationName(QStringLiteral("NetworkMonitor"));
    QApplication::setApplicationVersion(QStringLiteral(NETMON_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("netmon-gui"));

    QString error;
    const std::optional<GuiOptions> options = parseGuiOptions(QApplication::arguments(), error);
    if (!options) {
        std::fprintf(stderr, "netmon-gui: %s\n", qPrintable(error));
        return 2;
    }
    // Quit when the last window closes, unless it went to the tray.
    QApplication::setQuitOnLastWindowClosed(true);

    AppController controller(*options);
    controller.start();
    if (options->quitAfterMs > 0) {
        QTimer::singleShot(options->quitAfterMs, &app, [&controller, &options] {
            if (!options->screenshotDir.isEmpty()) {
                for (const QString& file :
                     saveScreenshots(*controller.window(), options->screenshotDir)) {
                    std::fprintf(stderr, "netmon-gui: saved %s\n", qPrintable(file));
                }
            }
            if (!options->stateFile.isEmpty() &&
                !writeStateFile(*controller.window(), options->stateFile)) {
                std::fprintf(stderr, "netmon-gui: could not write %s\n",
                             qPrintable(options->stateFile));
            }
            QCoreApplication::quit();
        });
    }
    return app.exec();
}

}  // namespace netmon::gui
