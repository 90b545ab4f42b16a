// SPDX-License-Identifier: GPL-3.0-or-later
// Names from the system are data: a process, host or interface named "<b>bold</b>" or
// "\x1b]0;pwned\x07" is shown as exactly those characters — in cells, labels and tooltips —
// never rendered as markup, and control characters are shown as `\x1b`, as the CLI shows them.
#include <QLabel>
#include <QTest>
#include <QTextDocument>

#include "gui/fake_snapshots.h"
#include "gui/models/connection_table_model.h"
#include "gui/models/host_list_model.h"
#include "gui/models/interface_table_model.h"
#include "gui/screens/dashboard_screen.h"
#include "gui/screens/interfaces_screen.h"
#include "gui/services/alert_center.h"
#include "gui/widgets/alert_banner.h"
#include "gui/widgets/kpi_card.h"

using namespace netmon;
using namespace netmon::gui;

namespace {

const std::string kBold = "<b>bold</b>";
const std::string kTitle = "\x1b]0;pwned\x07";
// What a person must see for kTitle, spelled out by hand.
const QString kTitleShown = QStringLiteral("\\x1b]0;pwned\\x07");

// What Qt shows for a label's or tooltip's text in Qt::AutoText: rich text when
// Qt::mightBeRichText() says so (QToolTip and QLabel decide this way), else the text itself.
QString asShown(const QString& text, Qt::TextFormat format = Qt::AutoText) {
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text))) {
        return text;
    }
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

QString shownLabel(const QLabel* label) {
    return asShown(label->text(), label->textFormat());
}

// The realistic laptop, plus a flow of a process named "<b>bold</b>" to a host whose PTR name is
// "<b>bold</b>" (the busiest host), and one of a process that names itself with an OSC title
// sequence.
Snapshot hostileSnapshot() {
    Snapshot snapshot = test::realisticSnapshot();
    FlowStat bold = test::makeTcpFlow(901, "198.51.100.9", 443, kBold, 900'000'000'000, 1);
    bold.pid = 4242;
    bold.remoteHostName = kBold;
    FlowStat title = test::makeTcpFlow(902, "198.51.100.10", 443, kTitle, 1, 1);
    title.pid = 4243;
    title.executable = "/tmp/" + kTitle;
    FlowStat colour = test::makeTcpFlow(903, "198.51.100.11", 443, "curl", 1, 1);
    colour.remoteHostName = "\x1b[31mred";  // a PTR answer that would colour the terminal
    snapshot.flows.push_back(bold);
    snapshot.flows.push_back(title);
    snapshot.flows.push_back(colour);
    test::aggregate(snapshot);
    return snapshot;
}

}  // namespace

class HostileNamesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectionCellsAndTooltipsShowTheLiteralName() {
        ConnectionTableModel model;
        const Snapshot snapshot = hostileSnapshot();
        model.update(snapshot.flows, snapshot.visibility);
        const auto cell = [&](std::uint64_t id, int column, int role) {
            return model.index(model.rowOf(id), column).data(role).toString();
        };
        using Column = ConnectionTableModel::Column;
        QCOMPARE(cell(901, Column::Process, Qt::DisplayRole), QStringLiteral("<b>bold</b> (4242)"));
        QCOMPARE(cell(901, Column::Host, Qt::DisplayRole), QStringLiteral("<b>bold</b>"));
        QCOMPARE(asShown(cell(901, Column::Process, Qt::ToolTipRole)),
                 QStringLiteral("/usr/bin/<b>bold</b>"));  // the executable
        QCOMPARE(asShown(cell(901, Column::Host, Qt::ToolTipRole)), QStringLiteral("<b>bold</b>"));

        QCOMPARE(cell(902, Column::Process, Qt::DisplayRole),
                 kTitleShown + QStringLiteral(" (4243)"));
        QCOMPARE(asShown(cell(902, Column::Process, Qt::ToolTipRole)),
                 QStringLiteral("/tmp/") + kTitleShown);
        QVERIFY(model.processes().contains(kTitleShown));  // the filter lists it as shown
    }

    void hostNamesAndTheirProcessesShowLiterally() {
        HostListModel model;
        model.update(hostileSnapshot().hosts, 100);
        QCOMPARE(model.index(0, HostListModel::Host).data().toString(),
                 QStringLiteral("<b>bold</b>"));
        // The tooltip's first line is the address, so Qt shows it as plain text even without
        // escaping; it stays literal, line breaks kept, now that it is rich text.
        const QString tip =
            asShown(model.index(0, HostListModel::Host).data(Qt::ToolTipRole).toString());
        QVERIFY2(tip.contains(QStringLiteral("Processes: <b>bold</b>")), qPrintable(tip));
        QVERIFY2(tip.startsWith(QStringLiteral("198.51.100.9\n")), qPrintable(tip));
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row) {
            names << model.index(row, HostListModel::Host).data().toString();
        }
        QVERIFY2(names.contains(QStringLiteral("\\x1b[31mred")), qPrintable(names.join(u',')));
    }

    void topHostCardShowsTheNameAsText() {
        DashboardScreen screen;
        screen.resize(1280, 800);  // wide enough that the card does not elide the name
        screen.show();
        QVERIFY(QTest::qWaitForWindowExposed(&screen));
        screen.showSnapshot(hostileSnapshot());
        KpiCard* card = screen.card(DashboardScreen::TopHost);
        QCOMPARE(card->value(), QStringLiteral("<b>bold</b>"));
        auto* value = card->findChild<QLabel*>(QStringLiteral("kpiValue"));
        QVERIFY(value != nullptr);
        QCOMPARE(value->textFormat(), Qt::PlainText);
        QCOMPARE(shownLabel(value), QStringLiteral("<b>bold</b>"));
        QCOMPARE(asShown(value->toolTip()), QStringLiteral("<b>bold</b>"));
    }

    void interfaceNamesShowControlCharactersEscaped() {
        Snapshot snapshot = test::realisticSnapshot();
        snapshot.interfaces.push_back(
            test::makeNic("eth\x1b[2J", InterfaceKind::Ethernet, 1000, 1000));
        InterfacesScreen screen;
        screen.showSnapshot(snapshot);
        const InterfaceTableModel& model = *screen.model();
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row) {
            names << model.index(row, InterfaceTableModel::Name).data().toString();
        }
        QVERIFY2(names.contains(QStringLiteral("eth\\x1b[2J")), qPrintable(names.join(u',')));
    }

    void alertBannerShowsInterfaceNamesAsText() {
        // A physical interface named with markup and an ESC goes down: the alert quotes it.
        Snapshot up = test::realisticSnapshot();
        up.interfaces.push_back(test::makeNic("<b>eth9</b>\x1b", InterfaceKind::Ethernet, 0, 0));
        up.interfaces.back().state = OperState::Up;
        Snapshot down = up;
        down.interfaces.back().state = OperState::Down;
        AlertCenter center;
        center.onSnapshot(up);
        center.onSnapshot(down);
        AlertBanner banner;
        banner.setAlerts(center.alerts());
        const QString expected = QStringLiteral("Interface <b>eth9</b>\\x1b went down (down).");
        bool found = false;
        for (const QLabel* label : banner.findChildren<QLabel*>(QStringLiteral("alertText"))) {
            if (label->text() == expected) {
                found = true;
                QCOMPARE(label->textFormat(), Qt::PlainText);
                QCOMPARE(shownLabel(label), expected);
            }
        }
        QVERIFY2(found, "no alert quotes the interface's name as shown");

        // Details (a tooltip) are shown literally too.
        AlertBanner detailed;
        detailed.setAlerts({Alert{QStringLiteral("k"),
                                  Alert::Level::Warning,
                                  QStringLiteral("text"),
                                  QStringLiteral("<i>details</i>"),
                                  {},
                                  Alert::Action::None}});
        const auto* label = detailed.findChild<QLabel*>(QStringLiteral("alertText"));
        QVERIFY(label != nullptr);
        QCOMPARE(asShown(label->toolTip()), QStringLiteral("<i>details</i>"));
    }
};

QTEST_MAIN(HostileNamesTest)
#include "hostile_names_test.moc"
