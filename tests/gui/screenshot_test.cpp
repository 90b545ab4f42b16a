// SPDX-License-Identifier: GPL-3.0-or-later
// Saves every screen, fed with realistic data, at 1280×800 and 900×600 (dark) and 1280×800
// (light) under <build>/screenshots/, for people to look at.
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTest>
#include <cmath>

#include "gui/app/screenshots.h"
#include "gui/fake_snapshots.h"
#include "gui/screens/history_screen.h"
#include "gui/screens/settings_screen.h"
#include "gui/services/alert_center.h"
#include "gui/services/ui_settings.h"
#include "gui/theme/theme.h"
#include "gui/types/history_opened.h"
#include "gui/window/main_window.h"
#include "platform/calendar.h"

using namespace netmon;
using namespace netmon::gui;
using namespace std::chrono_literals;

namespace {

// What an unprivileged user on a stock desktop sees.
PermissionReport userPermissions() {
    PermissionReport report;
    report.checks = {
        {"root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", false,
         "uid 1000; CAP_BPF no, CAP_PERFMON no, CAP_NET_ADMIN no",
         "run as root, or: sudo setcap cap_bpf,cap_perfmon,cap_net_admin,cap_net_raw+ep "
         "$(command -v netmon)"},
        {"CAP_NET_RAW (libpcap capture)", false, "not effective", "run as root"},
        {"kernel BTF (/sys/kernel/btf/vmlinux)", true, "readable", ""},
        {"libpcap library", true, "found libpcap.so.0.8", ""}};
    return report;
}

// A week of plausible traffic: busier evenings, a big download on one day.
HistoryResult fakeHistory(const HistoryRequest& request) {
    HistoryResult result;
    result.request = request;
    int i = 0;
    for (auto start = request.since; start < request.until; ++i) {
        const auto next = request.step == HistoryStep::Hour  ? start + 1h
                          : request.step == HistoryStep::Day ? nextLocalDayStart(start)
                                                             : localMonthStart(start + 32 * 24h);
        const double base = request.step == HistoryStep::Hour ? 180e6 : 2.4e9;
        const double wave = 0.6 + 0.4 * std::sin(i * 0.9) + (i % 5 == 3 ? 1.3 : 0);
        HistoryBucket bucket{start, static_cast<std::uint64_t>(base * wave),
                             static_cast<std::uint64_t>(base * wave * 0.12)};
        result.buckets.push_back(bucket);
        result.rxTotal += bucket.rxBytes;
        result.txTotal += bucket.txBytes;
        result.rows.push_back(
            storage::HistoryRow{start, "eth0", bucket.rxBytes, bucket.txBytes, 0, 0});
        start = next;
    }
    result.interfaces = {"eth0", "lo", "wlan0"};
    return result;
}

}  // namespace

class ScreenshotTest : public QObject {
    Q_OBJECT
private:
    void feed(MainWindow& window) {
        SettingsScreen* settings = window.settings();
        Config config;
        settings->setConfig(config, QStringLiteral("/home/alex/.config/netmon/config.json"));
        settings->setDefaultDatabasePath(
            QStringLiteral("/home/alex/.local/share/netmon/history.db"));
        settings->setPermissionReport(userPermissions());
        settings->setAppearance(ThemeName::Dark, false, true);
        HistoryOpened opened;
        opened.generation = 1;
        opened.ok = true;
        opened.usageTime = std::chrono::system_clock::now() - 200s;
        storage::UsageTotals eth0;
        eth0.interfaceName = "eth0";
        eth0.todayRxBytes = 2'469'606'195;
        eth0.todayTxBytes = 187'904'819;
        opened.usage = {eth0};
        window.setHistoryOpened(opened);
        window.setHistoryHealth(HistoryHealth{HistoryHealth::State::Recording, {}, 0, 1});
        // Three minutes of ticks with a shape: a download ramps up and settles.
        const auto end = std::chrono::system_clock::now();
        for (int i = 0; i < 180; ++i) {
            const double t = i / 180.0;
            const double scale = 0.25 + 0.9 * std::exp(-std::pow((t - 0.55) * 5, 2)) +
                                 0.15 * std::sin(i * 0.7) * std::sin(i * 0.13);
            window.showSnapshot(
                test::realisticSnapshot({.sequence = static_cast<std::uint64_t>(i + 1),
                                         .wallTime = end - (179 - i) * 1s,
                                         .scale = std::max(0.05, scale)}));
        }
        AlertCenter alerts;
        alerts.onModeStatus(CaptureMode::Auto, userPermissions());
        alerts.onSnapshot(test::realisticSnapshot());
        window.setAlerts(alerts.alerts());
    }

private Q_SLOTS:
    void everyScreenAtTwoSizes() {
        applyTheme(*qApp, ThemeName::Dark);
        UiSettings ui;
        MainWindow window(ui);
        connect(window.history(), &HistoryScreen::queryRequested, window.history(),
                [&window](const HistoryRequest& request) {
                    QMetaObject::invokeMethod(
                        window.history(),
                        [&window, request] { window.history()->showResult(fakeHistory(request)); },
                        Qt::QueuedConnection);
                });
        feed(window);
        const QString dir = QStringLiteral(NETMON_SCREENSHOT_DIR);
        QStringList files;
        for (const QSize size : {QSize(1280, 800), QSize(900, 600)}) {
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.size(), size);  // nothing forces the window wider or taller
            files << saveScreenshots(window, dir,
                                     QStringLiteral("-%1x%2").arg(size.width()).arg(size.height()));
        }
        applyTheme(*qApp, ThemeName::Light);
        window.resize(1280, 800);
        files << saveScreenshots(window, dir, QStringLiteral("-light-1280x800"));
        applyTheme(*qApp, ThemeName::Dark);
        QCOMPARE(files.size(), 15);
        for (const QString& file : files) {
            QVERIFY2(QFileInfo(file).size() > 10'000, qPrintable(file));
        }
        qInfo("screenshots in %s", qPrintable(dir));
    }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshot_test.moc"
