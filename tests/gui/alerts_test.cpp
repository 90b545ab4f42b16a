// SPDX-License-Identifier: GPL-3.0-or-later
// The alert rules and the banner: basic-mode fallback, history problems, interfaces going down.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include "gui/fake_snapshots.h"
#include "gui/services/alert_center.h"
#include "gui/widgets/alert_banner.h"

using namespace netmon;
using namespace netmon::gui;

namespace {

PermissionReport noCapabilities() {
    PermissionReport report;
    report.checks.push_back(PermissionCheck{"root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", false,
                                            "uid 1000", "run as root"});
    report.checks.push_back(
        PermissionCheck{"kernel BTF (/sys/kernel/btf/vmlinux)", true, "readable", ""});
    return report;
}

const Alert* find(const std::vector<Alert>& alerts, const QString& key) {
    for (const Alert& alert : alerts) {
        if (alert.key == key) {
            return &alert;
        }
    }
    return nullptr;
}

}  // namespace

class AlertsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void basicModeFallbackSaysWhatIsMissingAndHowToGetDeepMode() {
        AlertCenter center;
        center.onModeStatus(CaptureMode::Auto, noCapabilities());
        center.onSnapshot(test::realisticSnapshot());
        const Alert* mode = find(center.alerts(), AlertCenter::kModeKey);
        QVERIFY(mode != nullptr);
        QCOMPARE(mode->level, Alert::Level::Info);
        QVERIFY(mode->text.startsWith(QStringLiteral("Basic mode: TCP bytes")));        // not twice
        QVERIFY(mode->text.contains(QStringLiteral("UDP flows show no byte counts")));  // the note
        QVERIFY(
            mode->details.contains(QStringLiteral("root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN")));
        QVERIFY(!mode->details.contains(QStringLiteral("kernel BTF")));  // that one passed
        QCOMPARE(mode->action, Alert::Action::OpenSettings);
    }

    void deepModeAskedForIsAWarning() {
        AlertCenter center;
        center.onModeStatus(CaptureMode::Deep, noCapabilities());
        const Alert* mode = find(center.alerts(), AlertCenter::kModeKey);
        QVERIFY(mode != nullptr);
        QCOMPARE(mode->level, Alert::Level::Warning);
        QVERIFY(mode->text.startsWith(QStringLiteral("Deep mode was asked for")));
        center.onModeStatus(CaptureMode::Basic, noCapabilities());  // basic by choice: quiet
        QVERIFY(find(center.alerts(), AlertCenter::kModeKey) == nullptr);
    }

    void historyProblemsAreErrors() {
        AlertCenter center;
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Disabled,
                                             "the database is from a newer version", 0, 0});
        const Alert* history = find(center.alerts(), AlertCenter::kHistoryKey);
        QVERIFY(history != nullptr);
        QCOMPARE(history->level, Alert::Level::Error);
        QVERIFY(history->text.contains(QStringLiteral("History is off")));
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Failing, "disk full", 12, 1});
        QVERIFY(find(center.alerts(), AlertCenter::kHistoryKey)
                    ->text.contains(QStringLiteral("12 samples kept in memory")));
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Recording, {}, 0, 1});
        QVERIFY(find(center.alerts(), AlertCenter::kHistoryKey) == nullptr);
        // Errors come first.
        center.onModeStatus(CaptureMode::Auto, noCapabilities());
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Failing, "disk full", 1, 1});
        QCOMPARE(center.alerts().front().key, AlertCenter::kHistoryKey);
    }

    void interfaceGoingDownIsReported() {
        AlertCenter center;
        center.onSnapshot(test::realisticSnapshot());
        Snapshot down = test::realisticSnapshot({.sequence = 2});
        down.interfaces[1].state = OperState::LowerLayerDown;  // eth0
        center.onSnapshot(down);
        const Alert* alert = find(center.alerts(), AlertCenter::interfaceKey("eth0"));
        QVERIFY(alert != nullptr);
        QCOMPARE(alert->text, QStringLiteral("Interface eth0 went down (lower-layer-down)."));
        center.onSnapshot(test::realisticSnapshot({.sequence = 3}));
        QVERIFY(find(center.alerts(), AlertCenter::interfaceKey("eth0")) == nullptr);
        // docker0 is virtual and down all along: never an alert.
        QVERIFY(find(center.alerts(), AlertCenter::interfaceKey("docker0")) == nullptr);
    }

    void captureDropsAreReportedPerInterface() {
        AlertCenter center;
        Snapshot snapshot = test::realisticSnapshot();
        snapshot.mode = MonitoringMode::Deep;
        snapshot.capture = {{"eth0", {}, 0}, {"wlan0", {}, 1234}};
        center.onSnapshot(snapshot);
        QVERIFY(find(center.alerts(), AlertCenter::dropsKey("eth0")) == nullptr);
        const Alert* drops = find(center.alerts(), AlertCenter::dropsKey("wlan0"));
        QVERIFY(drops != nullptr);
        QCOMPARE(drops->level, Alert::Level::Warning);
        QVERIFY(drops->text.contains(QStringLiteral("lost 1234 packets")));
        snapshot.capture = {{"wlan0", {}, 0}};  // a new capture: the counter starts again
        center.onSnapshot(snapshot);
        QVERIFY(find(center.alerts(), AlertCenter::dropsKey("wlan0")) == nullptr);
    }

    void dismissedAlertsReturnWhenTheyChange() {
        AlertCenter center;
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Failing, "disk full", 1, 1});
        center.dismiss(AlertCenter::kHistoryKey);
        QVERIFY(center.alerts().empty());
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Failing, "disk full", 1, 1});
        QVERIFY(center.alerts().empty());
        center.onHistoryHealth(HistoryHealth{HistoryHealth::State::Failing, "disk full", 9, 1});
        QCOMPARE(center.alerts().size(), std::size_t{1});
    }

    void bannerShowsRowsAndReportsClicks() {
        AlertBanner banner;
        QVERIFY(banner.isHidden());
        AlertCenter center;
        center.onModeStatus(CaptureMode::Auto, noCapabilities());
        banner.setAlerts(center.alerts());
        banner.show();
        QVERIFY(banner.isVisible());
        const auto labels = banner.findChildren<QLabel*>(QStringLiteral("alertText"));
        QCOMPARE(labels.size(), 1);
        QVERIFY(labels.first()->text().startsWith(QStringLiteral("Basic mode")));
        QSignalSpy actions(&banner, &AlertBanner::actionTriggered);
        QSignalSpy dismissed(&banner, &AlertBanner::dismissed);
        QTest::mouseClick(banner.findChild<QPushButton*>(QStringLiteral("alertAction")),
                          Qt::LeftButton);
        QCOMPARE(actions.count(), 1);
        QTest::mouseClick(banner.findChild<QToolButton*>(QStringLiteral("alertClose")),
                          Qt::LeftButton);
        QCOMPARE(dismissed.count(), 1);
        QCOMPARE(dismissed.at(0).at(0).toString(), AlertCenter::kModeKey);
        banner.setAlerts({});
        QVERIFY(banner.isHidden());
    }
};

QTEST_MAIN(AlertsTest)
#include "alerts_test.moc"
