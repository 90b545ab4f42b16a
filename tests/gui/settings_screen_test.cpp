// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings screen refuses bad input in place, with the reason, and applies good input.
#include "gui/screens/settings_screen.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "gui/fake_snapshots.h"
#include "gui/screens/settings/settings_validation.h"

using namespace netmon;
using namespace netmon::gui;

class SettingsScreenTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheConfigAndAppliesNothingUnchanged() {
        SettingsScreen screen;
        Config config;
        config.samplingInterval = std::chrono::milliseconds(500);
        screen.setConfig(config, QStringLiteral("/tmp/config.json"));
        QCOMPARE(screen.intervalEdit()->text(), QStringLiteral("500"));
        QCOMPARE(screen.retentionEdit()->text(), QStringLiteral("90"));
        QCOMPARE(screen.historyTopNEdit()->text(), QStringLiteral("200"));
        QVERIFY(screen.isValid());
        QVERIFY(!screen.applyButton()->isEnabled());  // nothing to apply
    }

    void refusesBadIntervalsWithTheReason() {
        SettingsScreen screen;
        screen.intervalEdit()->setText(QStringLiteral("fast"));
        QCOMPARE(
            screen.errorText(screen.intervalEdit()),
            QStringLiteral("Enter a whole number of milliseconds, e.g. 1000 for once a second."));
        QVERIFY(screen.intervalEdit()->property("invalid").toBool());
        QVERIFY(!screen.applyButton()->isEnabled());
        screen.intervalEdit()->setText(QStringLiteral("50"));
        QCOMPARE(screen.errorText(screen.intervalEdit()),
                 QStringLiteral(
                     "The sampling interval must be between 100 ms and 60000 ms, not 50 ms."));
        screen.intervalEdit()->setText(QStringLiteral("250"));
        QCOMPARE(screen.errorText(screen.intervalEdit()), QString());
        QVERIFY(!screen.intervalEdit()->property("invalid").toBool());
        QVERIFY(screen.applyButton()->isEnabled());
    }

    void refusesBadRetentionAndPaths() {
        SettingsScreen screen;
        screen.retentionEdit()->setText(QStringLiteral("0"));
        QCOMPARE(screen.errorText(screen.retentionEdit()),
                 QStringLiteral("Retention must be between 1 and 3650 days, not 0."));
        screen.databaseEdit()->setText(QStringLiteral("history.db"));
        QVERIFY(
            screen.errorText(screen.databaseEdit()).startsWith(QStringLiteral("Use a full path")));
        screen.databaseEdit()->setText(QStringLiteral("/tmp/"));
        QVERIFY(
            screen.errorText(screen.databaseEdit()).startsWith(QStringLiteral("That is a folder")));
        QVERIFY(!screen.isValid());
    }

    void refusesHistoryTopNOutsideItsRangeInPlace() {
        SettingsScreen screen;
        screen.setConfig(Config{}, QStringLiteral("/tmp/netmon-config.json"));
        screen.historyTopNEdit()->setText(QStringLiteral("many"));
        QCOMPARE(screen.errorText(screen.historyTopNEdit()),
                 QStringLiteral("Enter a whole number, e.g. 200."));
        screen.historyTopNEdit()->setText(QStringLiteral("5"));
        QCOMPARE(screen.errorText(screen.historyTopNEdit()),
                 QStringLiteral("Hosts and processes kept per hour must be between 10 and 10000, "
                                "not 5."));
        QVERIFY(screen.historyTopNEdit()->property("invalid").toBool());
        QVERIFY(!screen.applyButton()->isEnabled());
        QSignalSpy applied(&screen, &SettingsScreen::configApplied);
        screen.historyTopNEdit()->setText(QStringLiteral("50"));
        QCOMPARE(screen.errorText(screen.historyTopNEdit()), QString());
        QTest::mouseClick(screen.applyButton(), Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.at(0).at(0).value<Config>().historyTopN, 50);
    }

    void needsAtLeastOneInterface() {
        SettingsScreen screen;
        screen.showSnapshot(test::realisticSnapshot());
        screen.setAllInterfaces(false);
        QVERIFY(!screen.isValid());
        screen.setInterfaceChecked(QStringLiteral("eth0"), true);
        QVERIFY(screen.isValid());
        QCOMPARE(screen.editedConfig()->monitoredInterfaces, std::vector<std::string>{"eth0"});
        const auto refused = parseMonitoredInterfaces(false, {});
        QCOMPARE(*refusal(refused),
                 QStringLiteral("Pick at least one interface, or monitor all of them."));
    }

    void applyEmitsTheEditedConfig() {
        SettingsScreen screen;
        screen.setConfig(Config{}, QStringLiteral("/tmp/netmon-config.json"));
        QSignalSpy applied(&screen, &SettingsScreen::configApplied);
        screen.intervalEdit()->setText(QStringLiteral("2000"));
        screen.retentionEdit()->setText(QStringLiteral("30"));
        screen.databaseEdit()->setText(QStringLiteral("/var/tmp/netmon/history.db"));
        QTest::mouseClick(screen.applyButton(), Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        const auto config = applied.at(0).at(0).value<Config>();
        QCOMPARE(config.samplingInterval, std::chrono::milliseconds(2000));
        QCOMPARE(config.retentionDays, 30);
        QCOMPARE(config.databasePath.string(), std::string("/var/tmp/netmon/history.db"));
        QVERIFY(!screen.applyButton()->isEnabled());  // applied: nothing pending
        screen.setSaveResult({});
        screen.setSaveResult(QStringLiteral("disk full"));
    }

    void saysWhichModeIsInUseAndWhatDeepModeNeeds() {
        SettingsScreen screen;
        PermissionReport report;
        report.checks.push_back(PermissionCheck{"root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", false,
                                                "uid 1000; CAP_BPF no",
                                                "run as root, or: sudo setcap …"});
        screen.setPermissionReport(report);
        QVERIFY(screen.modeText().contains(QStringLiteral("In use: basic mode")));
        QVERIFY(screen.modeText().contains(QStringLiteral("run as root")));
    }
};

QTEST_MAIN(SettingsScreenTest)
#include "settings_screen_test.moc"
