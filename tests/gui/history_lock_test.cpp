// SPDX-License-Identifier: GPL-3.0-or-later
// One writer per history database, as the app lives it: while another process records the
// database, the app shows who in its banner, keeps its live views, stores nothing; once that one
// stops, the app takes over recording and the banner clears.
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <fstream>

#include "fakes/temp_dir.h"
#include "gui/app/app_controller.h"
#include "gui/models/interface_table_model.h"
#include "gui/screens/interfaces_screen.h"
#include "gui/services/history_recorder.h"
#include "gui/services/snapshot_bridge.h"
#include "gui/services/storage_worker.h"
#include "gui/widgets/alert_banner.h"
#include "gui/window/main_window.h"
#include "platform/file_lock.h"
#include "storage/history_reader.h"
#include "storage/history_writer.h"

using namespace netmon;
using namespace netmon::gui;
using namespace std::chrono_literals;

namespace {

// What `netmon record` (or another copy of the app) holds while it records.
std::unique_ptr<storage::HistoryWriter> otherWriter(const std::filesystem::path& path,
                                                    const std::string& program) {
    storage::HistoryWriter::Options options;
    options.path = path;
    options.program = program;
    std::vector<std::string> warnings;
    auto writer = storage::HistoryWriter::open(options, warnings);
    return writer ? std::move(*writer) : nullptr;
}

// One tick in which eth0 received `bytes`.
Snapshot tick(std::uint64_t sequence, std::uint64_t bytes) {
    Snapshot snapshot;
    snapshot.sequence = sequence;
    snapshot.wallTime = std::chrono::system_clock::now();
    InterfaceStat eth0;
    eth0.name = "eth0";
    InterfaceTraffic traffic;
    traffic.elapsedSeconds = 1.0;
    traffic.rxBytes = bytes;
    eth0.traffic = traffic;
    snapshot.interfaces.push_back(eth0);
    return snapshot;
}

std::uint64_t todayRx(const std::filesystem::path& path, const std::string& name) {
    auto reader = storage::HistoryReader::open(path);
    if (!reader) {
        return 0;
    }
    auto usage = (*reader)->usage(std::chrono::system_clock::now());
    if (!usage) {
        return 0;
    }
    for (const storage::UsageTotals& totals : *usage) {
        if (totals.interfaceName == name) {
            return totals.todayRxBytes;
        }
    }
    return 0;
}

// The storage worker on a thread of its own, as the app runs it; shut down (flushing its
// writer) and joined however the test ends.
class WorkerThread {
public:
    explicit WorkerThread(HistoryRecorder& recorder, std::chrono::milliseconds lockRetry)
        : m_worker(new StorageWorker(recorder, nullptr, lockRetry)) {
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }
    ~WorkerThread() { stop(); }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    [[nodiscard]] StorageWorker* worker() const { return m_worker; }
    void stop() {
        if (m_thread.isRunning()) {
            QMetaObject::invokeMethod(m_worker, &StorageWorker::shutdown,
                                      Qt::BlockingQueuedConnection);
            m_thread.quit();
            m_thread.wait();
        }
    }

private:
    QThread m_thread;
    StorageWorker* m_worker;
};

QString holderText(const std::string& program) {
    return QString::number(currentProcessId()) + QStringLiteral(" (") +
           QString::fromStdString(program) + QLatin1Char(')');
}

// The banner's lines as the user reads them.
QStringList bannerLines(MainWindow& window) {
    QStringList lines;
    if (window.banner()->isVisible()) {
        for (const QLabel* label : window.banner()->findChildren<QLabel*>("alertText")) {
            lines << label->text();
        }
    }
    return lines;
}

bool bannerMentions(MainWindow& window, const QString& text) {
    return bannerLines(window).join(QLatin1Char('\n')).contains(text);
}

}  // namespace

class HistoryLockTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The recorder and storage worker alone, with ticks of known size: nothing is stored while
    // the other writer holds the database, no byte twice when recording passes over.
    void takesOverOnceTheOtherWriterStopsCountingEachByteOnce() {
        test::TempDir dir;
        const auto db = dir.path() / "history.db";
        auto other = otherWriter(db, "netmon record");
        QVERIFY(other);

        HistoryRecorder recorder;
        WorkerThread thread(recorder, 100ms);
        QSignalSpy opened(thread.worker(), &StorageWorker::historyOpened);
        QMetaObject::invokeMethod(
            thread.worker(), "openHistory", Qt::QueuedConnection, Q_ARG(quint64, 7),
            Q_ARG(QString, QString::fromStdString(db.string())), Q_ARG(int, 90));
        QVERIFY(opened.wait(10000));
        const auto refused = opened.at(0).at(0).value<HistoryOpened>();
        QVERIFY(!refused.ok);
        QCOMPARE(QString::fromStdString(refused.recordedBy), holderText("netmon record"));

        HistoryHealth health = recorder.record(tick(1, 1000));  // the other one stores this
        QCOMPARE(health.state, HistoryHealth::State::RecordedElsewhere);
        QCOMPARE(QString::fromStdString(health.message), holderText("netmon record"));
        QCOMPARE(health.writerGeneration, std::uint64_t{0});
        other->append(std::vector<storage::InterfaceSample>{
            {"eth0", std::chrono::system_clock::now(), 1s, 1000, 0, 0, 0}});
        other.reset();  // it stops (and writes what it had)

        QTRY_COMPARE_WITH_TIMEOUT(recorder.health().state, HistoryHealth::State::Recording, 10000);
        QTRY_COMPARE(opened.count(), 2);  // retries of the same holder were not reported again
        QVERIFY(opened.at(1).at(0).value<HistoryOpened>().ok);
        // This tick began while the other one still recorded: it may have stored part of it.
        health = recorder.record(tick(2, 20'000));
        QCOMPARE(health.writerGeneration, std::uint64_t{0});
        health = recorder.record(tick(3, 300));
        QCOMPARE(health.state, HistoryHealth::State::Recording);
        QCOMPARE(health.writerGeneration, std::uint64_t{7});

        thread.stop();  // flushes
        QCOMPARE(todayRx(db, "eth0"), std::uint64_t{1000 + 300});
    }

    // The whole app, monitoring this machine in basic mode: the banner names the holder while
    // the screens keep updating; the app records once the holder is gone.
    void appNamesTheHolderKeepsLiveViewsAndThenRecords_data() {
        QTest::addColumn<QString>("program");
        QTest::newRow("netmon record") << QStringLiteral("netmon record");
        QTest::newRow("another netmon-gui") << QStringLiteral("netmon-gui");
    }
    void appNamesTheHolderKeepsLiveViewsAndThenRecords() {
        QFETCH(QString, program);
        test::TempDir dir;
        const auto db = dir.path() / "history.db";
        const auto configPath = dir.path() / "config.json";
        std::ofstream(configPath) << R"({"version": 1, "capture_mode": "basic", )"
                                  << R"("sampling_interval_ms": 200, "database_path": )"
                                  << "\"" << db.generic_string() << "\"}\n";
        auto other = otherWriter(db, program.toStdString());
        QVERIFY(other);

        GuiOptions options;
        options.configPath = QString::fromStdString(configPath.string());
        auto app = std::make_unique<AppController>(options);
        app->start();
        MainWindow& window = *app->window();
        QSignalSpy ticks(app->bridge(), &SnapshotBridge::snapshotReady);

        const QString shown =
            QStringLiteral("History is recorded by ") + holderText(program.toStdString());
        QTRY_VERIFY_WITH_TIMEOUT(bannerMentions(window, shown), 10000);
        // Live data goes on: ticks arrive and the Interfaces screen lists this machine's.
        const int seen = static_cast<int>(ticks.count());
        QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= seen + 2, 10000);
        QVERIFY(window.interfaces()->model()->rowCount() > 0);
        QVERIFY2(window.statusText().contains(QStringLiteral("not recording")),
                 qPrintable(window.statusText()));
        QVERIFY(bannerMentions(window, shown));  // and stays while the other one records
        if (program == QLatin1String("netmon record")) {
            QDir().mkpath(QStringLiteral(NETMON_SCREENSHOT_DIR));
            window.resize(1280, 800);
            QVERIFY(window.grab().save(
                QStringLiteral(NETMON_SCREENSHOT_DIR "/history-recorded-elsewhere.png")));
        }

        other.reset();  // it stops
        QTRY_VERIFY_WITH_TIMEOUT(!bannerMentions(window, QStringLiteral("History")), 15000);
        QTRY_VERIFY2(window.statusText().contains(QStringLiteral(" · recording")),
                     qPrintable(window.statusText()));
        const int recording = static_cast<int>(ticks.count());
        QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= recording + 2, 10000);
        app.reset();  // flushes and lets go of the database

        // The app stored ticks, and let go of the lock when it quit.
        auto reader = storage::HistoryReader::open(db);
        QVERIFY(reader.has_value());
        const auto now = std::chrono::system_clock::now();
        auto rows = (*reader)->query(
            storage::HistoryQuery{{}, now - 1h, now + 1h, storage::Resolution::Raw});
        QVERIFY(rows.has_value());
        QVERIFY(!rows->empty());
        QVERIFY(otherWriter(db, "netmon record"));
    }
};

QTEST_MAIN(HistoryLockTest)
#include "history_lock_test.moc"
