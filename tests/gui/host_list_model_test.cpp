// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's host list and top-host KPI with hosts whose bytes are unknown (reached only over
// UDP in basic mode) or only partly counted: "n/a" and no share bar, or a marked lower bound —
// never "0 B".
#include "gui/models/host_list_model.h"

#include <QTest>

#include "gui/fake_snapshots.h"
#include "gui/screens/dashboard_screen.h"
#include "gui/widgets/kpi_card.h"

using namespace netmon;
using namespace netmon::gui;

namespace {

IpAddress address(const char* text) {
    return IpAddress::parse(text).value();
}

// 198.51.100.53: two UDP flows (DNS) only. 198.51.100.7: a TCP flow of 3,072 + 1,024 bytes and
// a UDP flow (QUIC). 203.0.113.9: TCP only, 1,024 bytes.
Snapshot mixedSnapshot() {
    Snapshot snapshot;
    snapshot.mode = MonitoringMode::Basic;
    snapshot.visibility = Visibility{true, true, false, true, true, test::kBasicNote};
    snapshot.flows = {test::makeUdpFlow(1, "198.51.100.53", 53, "resolved"),
                      test::makeUdpFlow(2, "198.51.100.53", 53, "resolved"),
                      test::makeTcpFlow(3, "198.51.100.7", 443, "chromium", 3'072, 1'024),
                      test::makeUdpFlow(4, "198.51.100.7", 443, "chromium"),
                      test::makeTcpFlow(5, "203.0.113.9", 443, "curl", 1'000, 24)};
    test::aggregate(snapshot);
    return snapshot;
}

QString text(const HostListModel& model, const char* host, int column, int role = Qt::DisplayRole) {
    const int row = model.rowOf(address(host));
    return row < 0 ? QStringLiteral("<missing>") : model.index(row, column).data(role).toString();
}

}  // namespace

class HostListModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unknownHostSaysNotAvailableAndHasNoShare() {
        DashboardScreen screen;  // passes the mode's note on to the model
        screen.showSnapshot(mixedSnapshot());
        const HostListModel& model = *screen.hostModel();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(text(model, "198.51.100.53", HostListModel::Traffic), QStringLiteral("n/a"));
        QCOMPARE(text(model, "198.51.100.53", HostListModel::Share), QStringLiteral("n/a"));
        const int row = model.rowOf(address("198.51.100.53"));
        QVERIFY(!model.index(row, HostListModel::Share).data(HostListModel::ShareRole).isValid());
        QCOMPARE(row, 2);  // unknown sorts after every known total
        const QString tip = text(model, "198.51.100.53", HostListModel::Host, Qt::ToolTipRole);
        QVERIFY2(tip.contains(QStringLiteral("unknown (not zero)")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("UDP flows show no byte counts")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Received n/a, sent n/a")), qPrintable(tip));
    }

    void partlyCountedHostIsAMarkedLowerBound() {
        HostListModel model;
        model.update(mixedSnapshot().hosts, 8);
        // 3,072 + 1,024 counted bytes = 4.00 KiB, of 5,120 counted over all hosts = 80 %.
        QCOMPARE(text(model, "198.51.100.7", HostListModel::Traffic),
                 QString::fromUtf8("≥ 4.00 KiB"));
        QCOMPARE(text(model, "198.51.100.7", HostListModel::Share), QStringLiteral("~80 %"));
        const int row = model.rowOf(address("198.51.100.7"));
        QCOMPARE(model.index(row, HostListModel::Share).data(HostListModel::ShareRole).toDouble(),
                 0.8);
        const QString tip = text(model, "198.51.100.7", HostListModel::Traffic, Qt::ToolTipRole);
        QVERIFY2(tip.contains(QString::fromUtf8("Received ≥ 3.00 KiB, sent ≥ 1.00 KiB")),
                 qPrintable(tip));
        // A host whose flows are all counted is exact.
        QCOMPARE(text(model, "203.0.113.9", HostListModel::Traffic), QStringLiteral("1.00 KiB"));
        QCOMPARE(text(model, "203.0.113.9", HostListModel::Share), QStringLiteral("20 %"));
        QCOMPARE(model.rowAt(0).key, address("198.51.100.7"));
    }

    void topHostKpiNeverCrownsAnUnknownHost() {
        Snapshot snapshot = mixedSnapshot();
        snapshot.flows = {test::makeUdpFlow(1, "198.51.100.53", 53, "resolved")};
        test::aggregate(snapshot);
        DashboardScreen screen;
        screen.showSnapshot(snapshot);
        QCOMPARE(screen.hostModel()->rowCount(), 1);
        QCOMPARE(screen.card(DashboardScreen::TopHost)->value(), QStringLiteral("—"));
        QCOMPARE(screen.card(DashboardScreen::TopHost)->caption(),
                 QStringLiteral("no byte counts for these hosts"));
        QVERIFY(screen.card(DashboardScreen::TopHost)
                    ->toolTip()
                    .contains(QStringLiteral("UDP flows show no byte counts")));
    }

    void topHostKpiMarksALowerBound() {
        DashboardScreen screen;
        screen.showSnapshot(mixedSnapshot());
        QCOMPARE(screen.card(DashboardScreen::TopHost)->value(), QStringLiteral("198.51.100.7"));
        QCOMPARE(screen.card(DashboardScreen::TopHost)->caption(),
                 QString::fromUtf8("~80 % of traffic · ≥ 4.00 KiB"));
    }
};

QTEST_MAIN(HostListModelTest)
#include "host_list_model_test.moc"
