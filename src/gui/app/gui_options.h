// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace netmon::gui {

// netmon-gui's command line.
struct GuiOptions {
    QString configPath;        // --config FILE; empty: the platform default
    int quitAfterMs = 0;       // --quit-after MS; 0: run until quit
    QString screenshotDir;     // --screenshot-dir DIR: every screen saved there before quitting
    QString startScreen;       // --screen NAME
    QString theme;             // --theme dark|light (overrides the saved choice once)
    bool startInTray = false;  // --tray: start hidden in the tray where there is one
    int fakeFlows = 0;         // --fake-load FLOWS,INTERFACES: synthetic ticks, no OS reads
    int fakeInterfaces = 0;
    QString socketPath;      // --socket PATH: the service's; empty: the system's
    bool noService = false;  // --no-service: monitor in this process even when a service runs
    QString stateFile;  // --state-file FILE: with --quit-after, what the screens show (tests)
    QString historyInterface;  // --history-interface NAME: the History screen's interface
};

// Parses `arguments` (with the program name first). On a usage error returns nothing and puts
// the message in `error`; --help and --version print and exit as QCommandLineParser does.
std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString& error);

}  // namespace netmon::gui
