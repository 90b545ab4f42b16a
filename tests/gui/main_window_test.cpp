// SPDX-License-Identifier: GPL-3.0-or-later
// The window: sidebar screens, remembered screen and size, banner actions, the status line.
#include "main_window.h"

#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include "app/alert_center.h"
#include "app/gui_options.h"
#include "app/ui_settings.h"
#include "gui/fake_snapshots.h"
#include "widgets/alert_banner.h"

using namespace netmon;
using namespace netmon::gui;

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
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
        options = parseGuiOptions(
            {QStringLiteral("netmon-gui"), QStringLiteral("--fake-load"), QStringLiteral("lots")},
            error);
        QVERIFY(!options.has_value());
        QVERIFY(error.contains(QStringLiteral("FLOWS,INTERFACES")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
