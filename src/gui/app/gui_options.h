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
};

// Parses `arguments` (with the program name first). On a usage error returns nothing and puts
// the message in `error`; --help and --version print and exit as QCommandLineParser does.
std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString& error);

}  // namespace netmon::gui
