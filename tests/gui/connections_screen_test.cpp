// SPDX-License-Identifier: GPL-3.0-or-later
// The Connections screen: rows, what basic mode cannot see, search and filters, sort order, and
// tick updates that keep the selection, the sort order and the scroll position.
#include "gui/screens/connections_screen.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "gui/fake_snapshots.h"
#include "gui/models/connection_filter_proxy.h"
#include "gui/models/connection_table_model.h"

using namespace netmon;
using namespace netmon::gui;
using Column = ConnectionTableModel::Column;

namespace {

std::shared_ptr<const Snapshot> tick(test::SnapshotOptions options = {}) {
    return std::make_shared<const Snapshot>(test::realisticSnapshot(options));
}

QString sourceCell(const ConnectionTableModel& model, std::uint64_t id, int column) {
    return model.index(model.rowOf(id), column).data().toString();
}

QList<qulonglong> shownIds(const QAbstractItemModel& proxy) {
    QList<qulonglong> ids;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        ids << proxy.index(row, 0).data(ConnectionTableModel::FlowIdRole).toULongLong();
    }
    return ids;
}

qulonglong selectedId(const QTableView& table) {
    const QModelIndexList rows = table.selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ConnectionTableModel::FlowIdRole).toULongLong();
}

}  // namespace

class ConnectionsScreenTest : public QObject {
    Q_OBJECT
private:
    ConnectionsScreen* m_screen = nullptr;

private Q_SLOTS:
    void init() {
        m_screen = new ConnectionsScreen;
        m_screen->resize(1280, 700);
        m_screen->show();  // a hidden screen only keeps the latest tick
        QVERIFY(QTest::qWaitForWindowExposed(m_screen));
        m_screen->showSnapshot(tick());
    }
    void cleanup() { delete m_screen; }

    void rowsShowWhatTheFlowsSay() {
        const ConnectionTableModel& model = *m_screen->model();
        QCOMPARE(model.rowCount(), 40);
        QCOMPARE(sourceCell(model, 1, Column::Protocol), QStringLiteral("TCP"));
        QCOMPARE(sourceCell(model, 1, Column::Local), QStringLiteral("192.168.1.23:51432"));
        QCOMPARE(sourceCell(model, 1, Column::Remote), QStringLiteral("142.250.185.78:443"));
        QCOMPARE(sourceCell(model, 1, Column::Host), QStringLiteral("fra16s52-in-f14.1e100.net"));
        QCOMPARE(sourceCell(model, 1, Column::Service), QStringLiteral("https"));
        QCOMPARE(sourceCell(model, 1, Column::State), QStringLiteral("ESTABLISHED"));
        QCOMPARE(sourceCell(model, 1, Column::Process), QStringLiteral("firefox (3121)"));
        QCOMPARE(sourceCell(model, 1, Column::Download), QStringLiteral("8.20 Mbit/s"));
        QCOMPARE(sourceCell(model, 6, Column::Remote),
                 QStringLiteral("[2a00:1450:4001:82b::200e]:443"));
        QCOMPARE(sourceCell(model, 10, Column::Remote), QStringLiteral("*"));  // listener
    }

    void basicModeGapsAreExplained() {
        const ConnectionTableModel& model = *m_screen->model();
        // UDP: no byte counts in basic mode, and the cell says why.
        QCOMPARE(sourceCell(model, 9, Column::Received), QStringLiteral("—"));
        const QString why =
            model.index(model.rowOf(9), Column::Received).data(Qt::ToolTipRole).toString();
        QVERIFY(why.contains(QStringLiteral("UDP")));
        QVERIFY(why.contains(QStringLiteral("Deep mode")));
        // Another user's socket: unnamed, with the reason.
        QCOMPARE(sourceCell(model, 10, Column::Process), QStringLiteral("another user's"));
        QVERIFY(model.index(model.rowOf(10), Column::Process)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("admin")));
        QVERIFY(m_screen->noteText().contains(QStringLiteral("hover one for why")));
        QVERIFY(m_screen->noteText().contains(QString::fromLatin1(test::kBasicNote)));
    }

    void searchFindsAcrossColumns() {
        m_screen->setSearchText(QStringLiteral("nas.lan"));
        QCOMPARE(shownIds(*m_screen->proxy()), (QList<qulonglong>{5}));
        m_screen->setSearchText(QStringLiteral("SSH"));  // case-insensitive: service, process
        QCOMPARE(m_screen->proxy()->rowCount(), 2);      // ssh to the NAS, the sshd listener
        m_screen->setSearchText(QStringLiteral("firefox 1e100"));  // every word must match
        QCOMPARE(m_screen->proxy()->rowCount(), 2);
        m_screen->setSearchText(QString());
        QCOMPARE(m_screen->proxy()->rowCount(), 40);
    }

    void filtersByProtocolStateAndProcess() {
        m_screen->setProtocolFilter(netmon::Protocol::Udp);
        QCOMPARE(m_screen->proxy()->rowCount(), 3);
        m_screen->setProtocolFilter(std::nullopt);
        m_screen->setStateFilter(QStringLiteral("LISTEN"));
        QCOMPARE(m_screen->proxy()->rowCount(), 3);
        m_screen->setStateFilter(QString());
        m_screen->setProcessFilter(QStringLiteral("chromium"));
        QCOMPARE(m_screen->proxy()->rowCount(), 11);  // github, QUIC, 9 CDN flows
        QVERIFY(m_screen->model()->processes().contains(QStringLiteral("spotify")));
        QVERIFY(m_screen->model()->states().contains(QStringLiteral("TIME_WAIT")));
    }

    void sortsByTypedValues() {
        m_screen->table()->sortByColumn(Column::Received, Qt::DescendingOrder);
        const QList<qulonglong> ids = shownIds(*m_screen->proxy());
        QCOMPARE(ids.mid(0, 4), (QList<qulonglong>{1, 6, 3, 4}));  // 49 MiB, 24 MiB, 12, 7
        m_screen->table()->sortByColumn(Column::Remote, Qt::AscendingOrder);
        QCOMPARE(m_screen->proxy()->index(0, Column::Remote).data().toString(),
                 QStringLiteral("*"));  // listeners (0.0.0.0) first, then by address bytes
    }

    void updatesKeepSelectionSortAndScroll() {
        QTableView* table = m_screen->table();
        table->sortByColumn(Column::Received, Qt::DescendingOrder);
        ConnectionTableModel* model = m_screen->model();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

        // Select the ssh flow to the NAS and scroll half-way.
        const QModelIndex nas = m_screen->proxy()->mapFromSource(model->index(model->rowOf(5), 0));
        table->selectRow(nas.row());
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() / 2);
        const int scroll = table->verticalScrollBar()->value();
        QCOMPARE(selectedId(*table), qulonglong{5});

        // Next tick: bytes move, two flows close, one opens.
        Snapshot next = test::realisticSnapshot({.sequence = 2});
        std::erase_if(next.flows,
                      [](const FlowStat& flow) { return flow.id == 2 || flow.id == 12; });
        next.flows.push_back(test::makeTcpFlow(500, "198.51.100.7", 443, "curl", 99'000'000, 10));
        m_screen->showSnapshot(std::make_shared<const Snapshot>(next));

        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 2);  // two separate runs of rows
        QCOMPARE(model->rowCount(), 39);
        QCOMPARE(selectedId(*table), qulonglong{5});
        QCOMPARE(table->verticalScrollBar()->value(), scroll);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
                 static_cast<int>(Column::Received));
        // Still sorted: the new 94 MiB flow is first.
        QCOMPARE(shownIds(*m_screen->proxy()).first(), qulonglong{500});
    }

    void hiddenScreenCatchesUpWhenShown() {
        m_screen->hide();
        Snapshot next = test::realisticSnapshot({.sequence = 2});
        next.flows.resize(3);
        m_screen->showSnapshot(std::make_shared<const Snapshot>(next));
        QCOMPARE(m_screen->model()->rowCount(), 40);  // untouched while hidden
        m_screen->show();
        QCOMPARE(m_screen->model()->rowCount(), 3);
    }

    void withoutFlowsTheScreenSaysWhy() {
        auto snapshot = test::realisticSnapshot({.flowsVisible = false});
        snapshot.visibility.note = "Connections need the socket source, which this build lacks.";
        m_screen->showSnapshot(std::make_shared<const Snapshot>(snapshot));
        QCOMPARE(m_screen->model()->rowCount(), 0);
        QCOMPARE(m_screen->noteText(),
                 QStringLiteral("Connections need the socket source, which this build lacks."));
    }
};

QTEST_MAIN(ConnectionsScreenTest)
#include "connections_screen_test.moc"
