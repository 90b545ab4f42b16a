// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard fed with known snapshots: KPI texts, units, the chart, top hosts.
#include "gui/screens/dashboard_screen.h"

#include <QTest>
#include <QTime>
#include <algorithm>

#include "gui/fake_snapshots.h"
#include "gui/models/host_list_model.h"
#include "gui/types/history_opened.h"
#include "gui/widgets/axis_scale.h"
#include "gui/widgets/kpi_card.h"
#include "gui/widgets/kpi_grid.h"
#include "gui/widgets/rate_chart.h"

using namespace netmon;
using namespace netmon::gui;
using namespace std::chrono_literals;

class DashboardScreenTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kpisShowPhysicalInterfacesOnly() {
        DashboardScreen screen;
        screen.resize(1280, 800);
        screen.showSnapshot(test::realisticSnapshot());
        // eth0 10 Mbit/s + wlan0 2.5 Mbit/s; lo (50 Mbit/s) and veth are left out.
        QCOMPARE(screen.card(DashboardScreen::Download)->value(), QStringLiteral("12.5 Mbit/s"));
        QCOMPARE(screen.card(DashboardScreen::Upload)->value(), QStringLiteral("1.50 Mbit/s"));
        // 1,562,500 B this session (no history yet) = 1.49 MiB.
        QCOMPARE(screen.card(DashboardScreen::ReceivedToday)->value(), QStringLiteral("1.49 MiB"));
        QCOMPARE(screen.card(DashboardScreen::SentToday)->value(), QStringLiteral("183 KiB"));
        // 40 flows: 4 listening and 1 in TIME_WAIT are not active connections.
        QCOMPARE(screen.card(DashboardScreen::Connections)->value(), QStringLiteral("35"));
        QVERIFY(screen.card(DashboardScreen::Connections)
                    ->caption()
                    .startsWith(QStringLiteral("4 listening")));
        QCOMPARE(screen.card(DashboardScreen::TopHost)->value(),
                 QStringLiteral("fra16s52-in-f14.1e100.net"));
    }

    void oneInterfaceCanBeChosen() {
        DashboardScreen screen;
        screen.showSnapshot(test::realisticSnapshot());
        screen.setInterface(QStringLiteral("wlan0"));
        screen.showSnapshot(test::realisticSnapshot({.sequence = 2}));
        QCOMPARE(screen.card(DashboardScreen::Download)->value(), QStringLiteral("2.50 Mbit/s"));
        QCOMPARE(screen.card(DashboardScreen::Upload)->value(), QStringLiteral("500 kbit/s"));
    }

    void todayAddsTheDatabaseBaseline() {
        DashboardScreen screen;
        HistoryOpened opened;
        opened.generation = 3;
        opened.ok = true;
        opened.usageTime = std::chrono::system_clock::now();
        storage::UsageTotals eth0;
        eth0.interfaceName = "eth0";
        eth0.todayRxBytes = 3ULL * 1024 * 1024 * 1024;  // 3 GiB before the app started
        opened.usage = {eth0};
        screen.setHistoryOpened(opened);
        screen.setHistoryHealth(HistoryHealth{HistoryHealth::State::Recording, {}, 0, 3});
        screen.showSnapshot(test::realisticSnapshot());
        QCOMPARE(screen.card(DashboardScreen::ReceivedToday)->value(), QStringLiteral("3.00 GiB"));
        QVERIFY(screen.card(DashboardScreen::ReceivedToday)
                    ->caption()
                    .contains(QStringLiteral("since midnight")));
    }

    void historyOffSaysSo() {
        DashboardScreen screen;
        screen.setHistoryHealth(HistoryHealth{HistoryHealth::State::Disabled, "disk full", 0, 0});
        screen.showSnapshot(test::realisticSnapshot());
        QVERIFY(screen.card(DashboardScreen::ReceivedToday)
                    ->caption()
                    .contains(QStringLiteral("history is off")));
    }

    void basicModeWithoutFlowsSaysWhatIsMissing() {
        DashboardScreen screen;
        screen.showSnapshot(test::realisticSnapshot({.flowsVisible = false}));
        QCOMPARE(screen.card(DashboardScreen::Connections)->value(), QStringLiteral("—"));
        QCOMPARE(screen.card(DashboardScreen::Connections)->caption(),
                 QStringLiteral("not available in this mode"));
        QCOMPARE(screen.hostModel()->rowCount(), 0);
    }

    void topHostsWithShares() {
        DashboardScreen screen;
        screen.showSnapshot(test::realisticSnapshot());
        HostListModel* hosts = screen.hostModel();
        QCOMPARE(hosts->rowCount(), static_cast<int>(DashboardScreen::kTopHosts));
        double previous = 2;
        for (int row = 0; row < hosts->rowCount(); ++row) {
            const double share =
                hosts->index(row, HostListModel::Share).data(HostListModel::ShareRole).toDouble();
            QVERIFY(share <= previous);
            previous = share;
        }
        QVERIFY(
            hosts->index(0, HostListModel::Share).data().toString().endsWith(QStringLiteral(" %")));
    }

    void chartScalesItsUnitAndKeepsTheWindow() {
        DashboardScreen screen;
        const auto start = std::chrono::system_clock::now();
        for (int i = 0; i < 90; ++i) {
            screen.showSnapshot(test::realisticSnapshot(
                {.sequence = static_cast<std::uint64_t>(i + 1), .wallTime = start + i * 1s}));
        }
        QCOMPARE(screen.chart()->unit(), QStringLiteral("Mbit/s"));
        QCOMPARE(screen.chart()->pointCount(), 61);  // the last minute, both ends included
        screen.setWindow(300s);
        QCOMPARE(screen.chart()->pointCount(), 90);
    }

    void chartLabelsFollowTheWindow() {
        DashboardScreen screen;
        screen.resize(1280, 800);
        screen.show();
        QVERIFY(QTest::qWaitForWindowExposed(&screen));
        const auto start = std::chrono::system_clock::now();
        for (int i = 0; i < 90; ++i) {
            screen.showSnapshot(test::realisticSnapshot(
                {.sequence = static_cast<std::uint64_t>(i + 1), .wallTime = start + i * 1s}));
        }
        // 12.5 Mbit/s all along: + 10 % = 13.75, ticks every 5 Mbit/s.
        QCOMPARE(screen.chart()->valueLabels(),
                 (QStringList{"0", "5 Mbit/s", "10 Mbit/s", "15 Mbit/s"}));
        const auto parses = [&screen](const QString& format) {
            const QStringList labels = screen.chart()->timeLabels();
            return !labels.isEmpty() &&
                   std::all_of(labels.begin(), labels.end(), [&format](const QString& label) {
                       return QTime::fromString(label, format).isValid();
                   });
        };
        QVERIFY(parses(QStringLiteral("HH:mm:ss")));  // a minute: seconds
        screen.setWindow(3600s);
        QVERIFY(parses(QStringLiteral("HH:mm")));  // an hour: minutes
        // Pointing at the newest sample names its rates.
        const QRectF plot = screen.chart()->plotArea();
        QVERIFY(screen.chart()
                    ->toolTipAt(QPointF(plot.right(), plot.center().y()))
                    .endsWith(QStringLiteral("\nDownload 12.5 Mbit/s\nUpload 1.50 Mbit/s")));
    }

    void axisUnitsScale() {
        QCOMPARE(bitRateAxis(950).unit, QStringLiteral("bit/s"));
        QCOMPARE(bitRateAxis(12'300).unit, QStringLiteral("kbit/s"));
        QCOMPARE(bitRateAxis(12.5e6).unit, QStringLiteral("Mbit/s"));
        QCOMPARE(bitRateAxis(2.5e9).unit, QStringLiteral("Gbit/s"));
        QCOMPARE(bitRateAxis(12.5e6).max, 15.0);  // 12.5 + 10 % headroom, up to a tick
        QCOMPARE(byteAxis(512).unit, QStringLiteral("B"));
        QCOMPARE(byteAxis(3.0 * 1024 * 1024).unit, QStringLiteral("MiB"));
        QCOMPARE(byteAxis(5.0 * 1024 * 1024 * 1024).unit, QStringLiteral("GiB"));
    }

    void cardsReflow() {
        KpiGrid grid;
        for (int i = 0; i < 6; ++i) {
            grid.addCard(new KpiCard(QStringLiteral("CARD"), &grid));
        }
        grid.show();  // resize events reach shown widgets
        grid.resize(3840, 200);
        QCOMPARE(grid.columns(), 6);
        grid.resize(1080, 200);
        QCOMPARE(grid.columns(), 3);
        grid.resize(500, 200);
        QCOMPARE(grid.columns(), 2);
        grid.resize(300, 200);
        QCOMPARE(grid.columns(), 1);
    }
};

QTEST_MAIN(DashboardScreenTest)
#include "dashboard_screen_test.moc"
