// SPDX-License-Identifier: GPL-3.0-or-later
// Where the app's data comes from, and what it then says and allows: the status line, the
// banner's and Settings' way to deep mode (the service, never a setcap line), the service's
// settings shown read-only, today's totals from the service's baseline without counting a tick
// twice, and where the "Start at login" box shows.
#include "gui/types/data_source.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "gui/fake_snapshots.h"
#include "gui/models/today_totals.h"
#include "gui/screens/settings/appearance_group.h"
#include "gui/screens/settings_screen.h"
#include "gui/services/alert_center.h"
#include "gui/services/start_at_login.h"
#include "gui/services/ui_settings.h"
#include "gui/window/main_window.h"

using namespace netmon;
using namespace netmon::gui;
using namespace std::chrono_literals;

namespace {

// What core says when this user may not capture: the reason, then the CLI's fix after " — ".
const std::string kCoreMessage =
    "Basic mode: deep mode (every packet counted per flow) needs admin rights: root or "
    "CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN is missing (uid 1000) \u2014 run as root, or: sudo setcap "
    "cap_bpf,cap_perfmon,cap_net_admin,cap_net_raw+ep /usr/bin/netmon.";

DataSource service(MonitoringMode mode, bool fullAccess = true) {
    DataSource source;
    source.kind = DataSource::Kind::Service;
    source.mode = mode;
    source.fullAccess = fullAccess;
    source.socket = "/run/netmon/netmond.sock";
    return source;
}

DataSource inProcess(bool installed) {
    DataSource source;
    source.kind = DataSource::Kind::InProcess;
    source.socket = "/run/netmon/netmond.sock";
    source.serviceProblem = "connect: No such file or directory";
    source.serviceInstalled = installed;
    source.startHint = "sudo systemctl enable --now netmond";
    return source;
}

ModeDecision basicBecausePermissions() {
    ModeDecision decision;
    decision.fellBack = true;
    decision.message = kCoreMessage;
    return decision;
}

PermissionReport noCapabilities() {
    PermissionReport report;
    report.checks.push_back(PermissionCheck{"root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", false,
                                            "uid 1000", "run as root, or: sudo setcap …"});
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

// One tick with `rx`/`tx` bytes on eth0 at `time`.
Snapshot tick(std::chrono::system_clock::time_point time, std::uint64_t rx, std::uint64_t tx) {
    Snapshot snapshot;
    snapshot.wallTime = time;
    InterfaceStat nic = test::makeNic("eth0", InterfaceKind::Ethernet, 0, 0);
    nic.traffic->rxBytes = rx;
    nic.traffic->txBytes = tx;
    snapshot.interfaces.push_back(nic);
    return snapshot;
}

}  // namespace

class DataSourceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theStatusAreaSaysWhereTheDataComesFrom() {
        UiSettings settings;
        MainWindow window(settings);
        QCOMPARE(window.sourceText(), QStringLiteral("Looking for the Network Monitor service…"));
        window.setDataSource(service(MonitoringMode::Deep));
        QCOMPARE(window.sourceText(),
                 QStringLiteral("Live data and history from the Network Monitor service (deep "
                                "mode)"));
        window.setDataSource(service(MonitoringMode::Basic, false));
        QCOMPARE(window.sourceText(),
                 QStringLiteral("Live data and history from the Network Monitor service (basic "
                                "mode; your own connections only)"));
        window.setDataSource(inProcess(false));
        QCOMPARE(window.sourceText(),
                 QStringLiteral("Monitoring in this app (basic mode); history in your own "
                                "database"));
    }

    void withoutAServiceTheBannerOffersItInsteadOfASetcapLine() {
        AlertCenter alerts;
        alerts.onDataSource(inProcess(false));
        alerts.onModeStatus(CaptureMode::Auto, noCapabilities());
        alerts.onModeDecision(basicBecausePermissions());
        const Alert* mode = find(alerts.alerts(), AlertCenter::kModeKey);
        QVERIFY(mode != nullptr);
        QVERIFY2(mode->details.contains(QStringLiteral("install the netmon package")),
                 qPrintable(mode->details));
        QVERIFY2(mode->details.contains(QStringLiteral("sudo systemctl enable --now netmond")),
                 qPrintable(mode->details));
        QVERIFY2(!mode->details.contains(QStringLiteral("setcap")), qPrintable(mode->details));
        // The reason stays: what is missing for whom.
        QVERIFY2(mode->details.contains(QStringLiteral("is missing (uid 1000)")),
                 qPrintable(mode->details));

        alerts.onDataSource(inProcess(true));  // installed, not running: start it
        mode = find(alerts.alerts(), AlertCenter::kModeKey);
        QVERIFY(mode != nullptr);
        QVERIFY2(mode->details.contains(QStringLiteral("start the Network Monitor service: sudo "
                                                       "systemctl enable --now netmond")),
                 qPrintable(mode->details));
    }

    void withTheServiceTheBannerSpeaksOfTheServicesMode() {
        AlertCenter alerts;
        alerts.onDataSource(service(MonitoringMode::Deep));
        alerts.onModeStatus(CaptureMode::Auto, noCapabilities());  // this user's: irrelevant
        ModeDecision deep;
        deep.mode = MonitoringMode::Deep;
        deep.running = CaptureBackend::Ebpf;
        alerts.onModeDecision(deep);
        QVERIFY(find(alerts.alerts(), AlertCenter::kModeKey) == nullptr);

        alerts.onDataSource(service(MonitoringMode::Basic));
        ModeDecision basic;
        basic.message = "no BTF on this kernel";
        alerts.onModeDecision(basic);
        const Alert* mode = find(alerts.alerts(), AlertCenter::kModeKey);
        QVERIFY(mode != nullptr);
        QVERIFY2(mode->text.startsWith(QStringLiteral("The Network Monitor service runs in basic "
                                                      "mode")),
                 qPrintable(mode->text));
        QCOMPARE(mode->details, QStringLiteral("no BTF on this kernel"));
    }

    void settingsOfferTheServiceInProcessAndAreReadOnlyWithItForOthers() {
        SettingsScreen screen;
        screen.setPermissionReport(noCapabilities());
        screen.setModeDecision(basicBecausePermissions());
        screen.setDataSource(inProcess(false), QStringLiteral("/etc/netmon/netmond.json"));
        QVERIFY2(!screen.modeText().contains(QStringLiteral("setcap")),
                 qPrintable(screen.modeText()));
        QVERIFY2(screen.modeText().contains(QStringLiteral("sudo systemctl enable --now netmond")),
                 qPrintable(screen.modeText()));
        QVERIFY(screen.serviceNoteText().isEmpty());
        QVERIFY(screen.intervalEdit()->isEnabled());

        screen.setDataSource(service(MonitoringMode::Deep, false),
                             QStringLiteral("/etc/netmon/netmond.json"));
        Config theirs;
        theirs.samplingInterval = 2000ms;
        theirs.retentionDays = 400;
        screen.setServiceConfig(theirs, {});
        QCOMPARE(screen.intervalEdit()->text(), QStringLiteral("2000"));
        QCOMPARE(screen.retentionEdit()->text(), QStringLiteral("400"));
        QVERIFY(!screen.intervalEdit()->isEnabled());
        QVERIFY(!screen.retentionEdit()->isEnabled());
        QVERIFY(!screen.databaseEdit()->isEnabled());
        QVERIFY(screen.applyButton()->isHidden());
        QVERIFY2(screen.serviceNoteText().contains(QStringLiteral("/etc/netmon/netmond.json")),
                 qPrintable(screen.serviceNoteText()));
        // Nothing is applied (nor saved) that the service would ignore.
        QSignalSpy applied(&screen, &SettingsScreen::configApplied);
        screen.intervalEdit()->setText(QStringLiteral("500"));
        screen.apply();
        QCOMPARE(applied.count(), 0);
        // The app's own look stays the user's.
        QVERIFY(screen.appearance()->isEnabled());
    }

    // A member of the service's group (or an administrator) changes the service's settings
    // here: Apply hands them on (the controller sends them to the service), and the answer is
    // shown. The service's database is never moved from the app.
    void settingsAreTheServicesToChangeForAMember() {
        SettingsScreen screen;
        screen.setDataSource(service(MonitoringMode::Deep, true),
                             QStringLiteral("/etc/netmon/netmond.json"));
        Config theirs;
        theirs.samplingInterval = 2000ms;
        theirs.retentionDays = 400;
        theirs.databasePath = "/var/lib/netmon/history.db";
        screen.setServiceConfig(theirs, {});
        QVERIFY(screen.intervalEdit()->isEnabled());
        QVERIFY(screen.retentionEdit()->isEnabled());
        QVERIFY(!screen.databaseEdit()->isEnabled());
        QVERIFY(!screen.applyButton()->isHidden());
        QVERIFY2(screen.serviceNoteText().contains(QStringLiteral("Apply sends them")),
                 qPrintable(screen.serviceNoteText()));
        QVERIFY2(!screen.applyButton()->isEnabled(), "nothing changed yet");

        QSignalSpy applied(&screen, &SettingsScreen::configApplied);
        screen.intervalEdit()->setText(QStringLiteral("500"));
        QVERIFY(screen.applyButton()->isEnabled());
        screen.apply();
        QCOMPARE(applied.count(), 1);
        const auto sent = applied.at(0).at(0).value<Config>();
        QCOMPARE(sent.samplingInterval, 500ms);
        QCOMPARE(sent.retentionDays, 400);
        QCOMPARE(sent.databasePath, std::filesystem::path("/var/lib/netmon/history.db"));
        QCOMPARE(screen.saveStatusText(), QStringLiteral("Sending to the service…"));

        screen.setServiceSaveResult({}, {QStringLiteral("capture_mode takes effect when the "
                                                        "service restarts")});
        QCOMPARE(screen.saveStatusText(),
                 QStringLiteral("Saved by the service. capture_mode takes effect when the service "
                                "restarts"));
        screen.setServiceSaveResult({}, {});
        QCOMPARE(screen.saveStatusText(),
                 QStringLiteral("Saved by the service: in effect from its next tick."));
        screen.setServiceSaveResult(QStringLiteral("only members of the group netmon"), {});
        QVERIFY2(screen.saveStatusText().contains(QStringLiteral("did not take them")),
                 qPrintable(screen.saveStatusText()));
    }

    void todayFromTheServiceCountsEachTickOnce() {
        const auto noon = std::chrono::system_clock::now();  // any time: one day in the test
        TodayTotals today;
        today.logTicks();
        const auto all = [](const std::string&) { return true; };
        // Ticks 1..5 at noon+1 s… reach the app; the service had written ticks 1..3 when its
        // totals (1000+100+200+300 received: 1000 from earlier today) were read.
        for (int i = 1; i <= 5; ++i) {
            today.add(tick(noon + std::chrono::seconds(i), 100 * i, 10 * i), 7);
        }
        storage::UsageTotals usage;
        usage.interfaceName = "eth0";
        usage.todayRxBytes = 1000 + 100 + 200 + 300;
        usage.todayTxBytes = 50 + 10 + 20 + 30;
        today.setServiceBaseline(7, {usage}, noon + 5s, noon + 3s);
        QCOMPARE(today.totals(all).rxBytes, std::uint64_t{1000 + 100 + 200 + 300 + 400 + 500});
        QCOMPARE(today.totals(all).txBytes, std::uint64_t{50 + 10 + 20 + 30 + 40 + 50});
        QVERIFY(!today.totals(all).sessionOnly);
        // Tick 6 comes after the baseline; then the totals are read again with ticks 1..6 in.
        today.add(tick(noon + 6s, 600, 60), 7);
        QCOMPARE(today.totals(all).rxBytes, std::uint64_t{3100});
        usage.todayRxBytes = 3100;
        usage.todayTxBytes = 260;
        today.setServiceBaseline(7, {usage}, noon + 6s, noon + 6s);
        QCOMPARE(today.totals(all).rxBytes, std::uint64_t{3100});
        QCOMPARE(today.totals(all).txBytes, std::uint64_t{260});
    }

    void theCheckboxFollowsThePlatform() {
        SettingsScreen screen;
        const std::optional<std::filesystem::path> entry = autostartEntryPath();
        screen.setStartAtLogin(entry.has_value(), false);
        QCOMPARE(screen.appearance()->startAtLoginBox()->isVisibleTo(&screen), entry.has_value());
        if (entry) {  // Linux: under the test's own XDG_CONFIG_HOME
            QCOMPARE(*entry,
                     std::filesystem::path(qEnvironmentVariable("XDG_CONFIG_HOME").toStdString()) /
                         "autostart" / "netmon-gui.desktop");
        }
    }
};

QTEST_MAIN(DataSourceTest)
#include "data_source_test.moc"
