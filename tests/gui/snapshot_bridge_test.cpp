// SPDX-License-Identifier: GPL-3.0-or-later
// The path from the monitor thread to the GUI: queued delivery on the GUI thread, generations,
// back-pressure; today's totals; the history recorder.
#include "gui/services/snapshot_bridge.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <thread>

#include "fakes/temp_dir.h"
#include "gui/fake_snapshots.h"
#include "gui/models/today_totals.h"
#include "gui/services/history_recorder.h"
#include "storage/history_reader.h"
#include "storage/history_writer.h"

using namespace netmon;
using namespace netmon::gui;

class SnapshotBridgeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversOnTheGuiThreadFromAnotherThread() {
        SnapshotBridge bridge;
        QThread* deliveredOn = nullptr;
        std::uint64_t sequence = 0;
        connect(&bridge, &SnapshotBridge::snapshotReady, this,
                [&](const std::shared_ptr<const Snapshot>& snapshot) {
                    deliveredOn = QThread::currentThread();
                    sequence = snapshot->sequence;
                });
        std::thread producer([&] { bridge.post(test::realisticSnapshot({.sequence = 7})); });
        producer.join();
        QCOMPARE(sequence, std::uint64_t{0});  // queued: nothing before the event loop runs
        QTRY_COMPARE(sequence, std::uint64_t{7});
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    void dropsMessagesOfAnOlderGeneration() {
        SnapshotBridge bridge;
        QSignalSpy spy(&bridge, &SnapshotBridge::snapshotReady);
        bridge.post(test::realisticSnapshot({.sequence = 1}));
        bridge.startGeneration();  // e.g. the source restarted after a settings change
        bridge.post(test::realisticSnapshot({.sequence = 2}));
        QTRY_COMPARE(spy.count(), 1);
        QTest::qWait(20);
        QCOMPARE(spy.count(), 1);
        const auto snapshot = spy.at(0).at(0).value<std::shared_ptr<const Snapshot>>();
        QCOMPARE(snapshot->sequence, std::uint64_t{2});
    }

    void dropsTicksWhileTheGuiIsBehind() {
        SnapshotBridge bridge;
        QSignalSpy spy(&bridge, &SnapshotBridge::snapshotReady);
        for (int i = 0; i < 10; ++i) {
            bridge.post(test::realisticSnapshot({.sequence = static_cast<std::uint64_t>(i + 1)}));
        }
        QTRY_COMPARE(spy.count(), SnapshotBridge::kMaxQueued);
        QCOMPARE(bridge.droppedCount(), std::uint64_t{10 - SnapshotBridge::kMaxQueued});
        bridge.post(test::realisticSnapshot({.sequence = 11}));  // room again
        QTRY_COMPARE(spy.count(), SnapshotBridge::kMaxQueued + 1);
    }

    void todayTotalsAddTicksToTheDatabaseBaseline() {
        using namespace std::chrono_literals;
        TodayTotals today;
        const auto all = [](const std::string& name) { return name == "eth0" || name == "wlan0"; };
        const auto now = std::chrono::system_clock::now();
        // Session only until the database answers.
        today.add(test::realisticSnapshot({.sequence = 1, .wallTime = now}), 0);
        TodayTotals::Totals totals = today.totals(all);
        QVERIFY(totals.sessionOnly);
        QCOMPARE(totals.rxBytes, std::uint64_t{1'562'500});
        // A tick recorded by database 1 arrives before its baseline: held, then joined to it.
        today.add(test::realisticSnapshot({.sequence = 2, .wallTime = now + 1s}), 1);
        storage::UsageTotals eth0;
        eth0.interfaceName = "eth0";
        eth0.todayRxBytes = 1'000'000'000;
        eth0.todayTxBytes = 2'000;
        storage::UsageTotals lo;
        lo.interfaceName = "lo";
        lo.todayRxBytes = 5'000'000'000;
        today.setBaseline(1, {eth0, lo}, now + 1s);
        today.add(test::realisticSnapshot({.sequence = 3, .wallTime = now + 2s}), 1);
        totals = today.totals(all);
        QVERIFY(!totals.sessionOnly);
        QCOMPARE(totals.rxBytes, std::uint64_t{1'000'000'000 + 2 * 1'562'500});  // lo left out
        QCOMPARE(totals.txBytes, std::uint64_t{2'000 + 2 * 187'500});
    }

    void recorderStoresTicksAndReportsHealth() {
        test::TempDir dir;
        std::vector<std::string> warnings;
        storage::HistoryWriter::Options options;
        options.path = dir.path() / "history.db";
        auto writer = storage::HistoryWriter::open(options, warnings);
        QVERIFY(writer.has_value());
        HistoryRecorder recorder;
        QCOMPARE(recorder.record(test::realisticSnapshot()).state, HistoryHealth::State::Opening);
        std::shared_ptr<storage::HistoryWriter> shared(std::move(*writer));
        recorder.setWriter(shared, 5);
        const HistoryHealth health = recorder.record(test::realisticSnapshot());
        QCOMPARE(health.state, HistoryHealth::State::Recording);
        QCOMPARE(health.writerGeneration, std::uint64_t{5});
        QVERIFY(shared->flush().has_value());
        auto reader = storage::HistoryReader::open(options.path);
        QVERIFY(reader.has_value());
        auto usage = (*reader)->usage(std::chrono::system_clock::now());
        QVERIFY(usage.has_value());
        std::uint64_t eth0 = 0;
        for (const storage::UsageTotals& totals : *usage) {
            if (totals.interfaceName == "eth0") {
                eth0 = totals.todayRxBytes;
            }
        }
        QCOMPARE(eth0, std::uint64_t{1'250'000});
        recorder.disable("test over").reset();
        QCOMPARE(recorder.record(test::realisticSnapshot()).state, HistoryHealth::State::Disabled);
    }
};

QTEST_MAIN(SnapshotBridgeTest)
#include "snapshot_bridge_test.moc"
