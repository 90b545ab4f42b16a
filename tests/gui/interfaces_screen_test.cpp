// SPDX-License-Identifier: GPL-3.0-or-later
// The Interfaces screen: rows, the virtual-interface toggle, sorting, sparklines, and updates
// merged into the model without a reset.
#include "gui/screens/interfaces_screen.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "gui/fake_snapshots.h"
#include "gui/models/interface_filter_proxy.h"
#include "gui/models/interface_table_model.h"

using namespace netmon;
using namespace netmon::gui;

namespace {

QString cell(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column).data().toString();
}

}  // namespace

class InterfacesScreenTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsShowEveryColumn() {
        InterfacesScreen screen;
        screen.showSnapshot(test::realisticSnapshot());
        const InterfaceTableModel& model = *screen.model();
        QCOMPARE(model.rowCount(), 5);
        const int eth0 = model.rowOf("eth0");
        QVERIFY(eth0 >= 0);
        QCOMPARE(cell(model, eth0, InterfaceTableModel::State), QStringLiteral("up"));
        QCOMPARE(cell(model, eth0, InterfaceTableModel::Type), QStringLiteral("ethernet"));
        QCOMPARE(cell(model, eth0, InterfaceTableModel::Addresses),
                 QStringLiteral("192.168.1.23/24, fe80::3e7c:3fff:fe1e:229a/64"));
        QCOMPARE(cell(model, eth0, InterfaceTableModel::Speed), QStringLiteral("1.00 Gbit/s"));
        QCOMPARE(cell(model, eth0, InterfaceTableModel::Received), QStringLiteral("5.00 GiB"));
        QCOMPARE(cell(model, eth0, InterfaceTableModel::Download), QStringLiteral("10.0 Mbit/s"));
        QCOMPARE(cell(model, eth0, InterfaceTableModel::Upload), QStringLiteral("1.00 Mbit/s"));
        const int docker = model.rowOf("docker0");
        QCOMPARE(cell(model, docker, InterfaceTableModel::State), QStringLiteral("down"));
        QCOMPARE(cell(model, docker, InterfaceTableModel::Download), QStringLiteral("—"));
    }

    void virtualInterfacesAreHiddenUntilAskedFor() {
        InterfacesScreen screen;
        screen.showSnapshot(test::realisticSnapshot());
        QCOMPARE(screen.proxy()->rowCount(), 2);  // eth0, wlan0
        screen.setShowVirtual(true);
        QCOMPARE(screen.proxy()->rowCount(), 5);
        screen.setShowVirtual(false);
        QCOMPARE(screen.proxy()->rowCount(), 2);
    }

    void sortsByRateNumerically() {
        InterfacesScreen screen;
        screen.setShowVirtual(true);
        screen.showSnapshot(test::realisticSnapshot());
        screen.table()->sortByColumn(InterfaceTableModel::Download, Qt::DescendingOrder);
        QStringList order;
        for (int row = 0; row < screen.proxy()->rowCount(); ++row) {
            order << cell(*screen.proxy(), row, InterfaceTableModel::Name);
        }
        // lo 50 Mbit/s, eth0 10, wlan0 2.5, veth 1, docker0 none.
        QCOMPARE(order,
                 (QStringList{QStringLiteral("lo"), QStringLiteral("eth0"), QStringLiteral("wlan0"),
                              QStringLiteral("veth3f2a1b"), QStringLiteral("docker0")}));
    }

    void updatesMergeWithoutReset() {
        InterfacesScreen screen;
        screen.showSnapshot(test::realisticSnapshot());
        InterfaceTableModel* model = screen.model();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        Snapshot next = test::realisticSnapshot({.sequence = 2, .scale = 2.0});
        std::erase_if(next.interfaces,
                      [](const InterfaceStat& stat) { return stat.name == "veth3f2a1b"; });
        next.interfaces.push_back(test::makeNic("wg0", InterfaceKind::Tunnel, 1e5, 1e5));
        screen.showSnapshot(next);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(cell(*model, model->rowOf("eth0"), InterfaceTableModel::Download),
                 QStringLiteral("20.0 Mbit/s"));
        const auto activity = model->index(model->rowOf("eth0"), InterfaceTableModel::Activity)
                                  .data(InterfaceTableModel::ActivityRole)
                                  .value<QList<double>>();
        QCOMPARE(activity, (QList<double>{11e6, 22e6}));  // rx + tx per tick
    }
};

QTEST_MAIN(InterfacesScreenTest)
#include "interfaces_screen_test.moc"
