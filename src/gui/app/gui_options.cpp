// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/gui_options.h"

#include <QCommandLineParser>

namespace netmon::gui {

std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString& error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Network Monitor: what your computer's network is doing now and did before."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Use another settings file."),
                                    QStringLiteral("file"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QStringLiteral("Quit after this many milliseconds."),
                                       QStringLiteral("ms"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshot-dir"),
        QStringLiteral("Save a screenshot of every screen there before quitting."),
        QStringLiteral("dir"));
    const QCommandLineOption screen(
        QStringLiteral("screen"),
        QStringLiteral("Start on this screen: dashboard, interfaces, connections, history, "
                       "settings."),
        QStringLiteral("name"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("dark or light."),
                                   QStringLiteral("name"));
    const QCommandLineOption tray(
        QStringLiteral("tray"),
        QStringLiteral("Start in the tray, without a window (as at sign-in), where there is a "
                       "tray; the window opens from the tray icon."));
    const QCommandLineOption socket(
        QStringLiteral("socket"),
        QStringLiteral("Ask the Network Monitor service (netmond) at this socket (default: the "
                       "system's); when it answers, live data and history are the service's."),
        QStringLiteral("path"));
    const QCommandLineOption noService(
        QStringLiteral("no-service"),
        QStringLiteral("Monitor in this app (basic mode without admin rights, your own history "
                       "database) even when the service runs."));
    QCommandLineOption stateFile(
        QStringLiteral("state-file"),
        QStringLiteral("With --quit-after: write what the screens show there as JSON (tests)."),
        QStringLiteral("file"));
    stateFile.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption historyInterface(
        QStringLiteral("history-interface"),
        QStringLiteral("Show this interface's history (default: all physical ones)."),
        QStringLiteral("name"));
    historyInterface.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption fakeLoad(
        QStringLiteral("fake-load"),
        QStringLiteral("Feed synthetic ticks at 1 Hz instead of reading the OS (benchmarks)."),
        QStringLiteral("flows,interfaces"));
    fakeLoad.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({config, quitAfter, screenshots, screen, theme, tray, socket, noService,
                       stateFile, historyInterface, fakeLoad});
    parser.process(arguments);  // --help, --version and unknown options end here

    GuiOptions options;
    options.configPath = parser.value(config);
    options.screenshotDir = parser.value(screenshots);
    options.startScreen = parser.value(screen);
    options.theme = parser.value(theme);
    options.startInTray = parser.isSet(tray);
    options.socketPath = parser.value(socket);
    options.noService = parser.isSet(noService);
    options.stateFile = parser.value(stateFile);
    options.historyInterface = parser.value(historyInterface);
    if (options.noService && parser.isSet(socket)) {
        error = QStringLiteral("--socket and --no-service exclude each other");
        return std::nullopt;
    }
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs <= 0) {
            error = QStringLiteral("--quit-after needs a positive number of milliseconds");
            return std::nullopt;
        }
    }
    if (parser.isSet(fakeLoad)) {
        const QStringList parts = parser.value(fakeLoad).split(QLatin1Char(','));
        bool flowsOk = false;
        bool interfacesOk = false;
        if (parts.size() == 2) {
            options.fakeFlows = parts[0].toInt(&flowsOk);
            options.fakeInterfaces = parts[1].toInt(&interfacesOk);
        }
        if (!flowsOk || !interfacesOk || options.fakeFlows < 0 || options.fakeInterfaces <= 0) {
            error = QStringLiteral("--fake-load needs FLOWS,INTERFACES, e.g. 5000,10");
            return std::nullopt;
        }
    }
    if (!options.theme.isEmpty() && options.theme != QLatin1String("dark") &&
        options.theme != QLatin1String("light")) {
        error = QStringLiteral("--theme is dark or light");
        return std::nullopt;
    }
    return options;
}

}  // namespace netmon::gui
