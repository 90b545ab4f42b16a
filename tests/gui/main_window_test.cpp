// SPDX-License-Identifier: GPL-3.0-or-later
// The window: sidebar screens, remembered screen and size, banner actions, the status line.
#include "gui/window/main_window.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include "gui/app/gui_options.h"
#include "gui/fake_snapshots.h"
#include "gui/services/alert_center.h"
#include "gui/services/ui_settings.h"
#include "gui/theme/theme.h"
#include "gui/widgets/alert_banner.h"

using namespace netmon;
using namespace netmon::gui;

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every icon has PNGs in the resources at the sizes drawn (sidebar 20 px at 1× and 2×, the
    // app icon up to 256 px), none of them blank; nothing needs Qt's SVG module.
    void iconsArePngsAtEverySize() {
        const QStringList names{"app",     "connections", "dashboard",
                                "history", "interfaces",  "settings"};
        // Each has its SVG source (where the sources are at hand), and each SVG is rendered.
        const QDir sources(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../src/gui/theme/icons"));
        if (sources.exists()) {
            QStringList svgs = sources.entryList({QStringLiteral("*.svg")}, QDir::Files);
            svgs.replaceInStrings(QStringLiteral(".svg"), QString());
            svgs.removeOne(QStringLiteral("check"));
            QCOMPARE(svgs, names);
        }
        for (const QString& name : names) {
            const QIcon icon = themeIcon(name);
            const QList<int> wanted = name == QLatin1String("app")
                                          ? QList<int>{16, 24, 32, 48, 64, 128, 256}
                                          : QList<int>{16, 20, 24, 32, 40, 48};
            for (const int size : wanted) {
                QVERIFY2(icon.availableSizes().contains(QSize(size, size)),
                         qPrintable(name + QString::number(size)));
                const QImage image = icon.pixmap(QSize(size, size)).toImage();
                QCOMPARE(image.size(), QSize(size, size));
                int opaque = 0;
                for (int y = 0; y < size; ++y) {
                    for (int x = 0; x < size; ++x) {
                        opaque += image.pixelColor(x, y).alpha() > 128 ? 1 : 0;
                    }
                }
                QVERIFY2(opaque > size, qPrintable(name + QString::number(size)));
            }
        }
        QCOMPARE(QImage(QStringLiteral(":/theme/icons/check.png")).size(), QSize(16, 16));
        QCOMPARE(QImage(QStringLiteral(":/theme/icons/check@2x.png")).size(), QSize(32, 32));
        for (QDirIterator it(QStringLiteral(":/theme"), QDirIterator::Subdirectories);
             it.hasNext();) {
            QVERIFY2(!it.next().endsWith(QLatin1String(".svg")), qPrintable(it.filePath()));
        }
    }

    void sidebarSwitchesScreensAndTheLastOneIsRemembered() {
        UiSettings settings;
        {
            MainWindow window(settings);
            auto* sidebar = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
            QVERIFY(sidebar != nullptr);
            QCOMPARE(sidebar->count(), 5);
            sidebar->setCurrentRow(3);
            QCOMPARE(window.currentScreen(), MainWindow::Screen::History);
            window.resize(1000, 700);
            window.show();
            window.close();
        }
        MainWindow again(settings);
        QCOMPARE(again.currentScreen(), MainWindow::Screen::History);
        QCOMPARE(again.size(), QSize(1000, 700));
        again.setCurrentScreen(MainWindow::Screen::Dashboard);
    }

    void bannerActionOpensSettings() {
        UiSettings settings;
        MainWindow window(settings);
        window.setCurrentScreen(MainWindow::Screen::Dashboard);
        window.show();
        AlertCenter alerts;
        PermissionReport report;
        alerts.onModeStatus(CaptureMode::Auto, report);
        window.setAlerts(alerts.alerts());
        QTest::mouseClick(window.banner()->findChild<QPushButton*>(QStringLiteral("alertAction")),
                          Qt::LeftButton);
        QCOMPARE(window.currentScreen(), MainWindow::Screen::Settings);
        window.setCurrentScreen(MainWindow::Screen::Dashboard);
    }

    void statusLineShowsModeAndRates() {
        UiSettings settings;
        MainWindow window(settings);
        window.setHistoryHealth(HistoryHealth{HistoryHealth::State::Recording, {}, 0, 1});
        window.showSnapshot(test::realisticSnapshot());
        QCOMPARE(window.statusText(),
                 QStringLiteral("Basic mode · recording\n↓ 12.5 Mbit/s  ↑ 1.50 Mbit/s"));
    }

    void commandLineOptions() {
        QString error;
        auto options = parseGuiOptions(
            {QStringLiteral("netmon-gui"), QStringLiteral("--quit-after"), QStringLiteral("5000"),
             QStringLiteral("--fake-load"), QStringLiteral("5000,10")},
            error);
        QVERIFY(options.has_value());
        QCOMPARE(options->quitAfterMs, 5000);
        QCOMPARE(options->fakeFlows, 5000);
        QCOMPARE(options->fakeInterfaces, 10);
        QVERIFY(!options->startInTray);
        options = parseGuiOptions({QStringLiteral("netmon-gui"), QStringLiteral("--tray")}, error);
        QVERIFY(options.has_value());
        QVERIFY(options->startInTray);
        options = parseGuiOptions(
            {QStringLiteral("netmon-gui"), QStringLiteral("--fake-load"), QStringLiteral("lots")},
            error);
        QVERIFY(!options.has_value());
        QVERIFY(error.contains(QStringLiteral("FLOWS,INTERFACES")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
