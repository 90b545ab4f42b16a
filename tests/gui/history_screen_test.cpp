// SPDX-License-Identifier: GPL-3.0-or-later
// The History screen against a real database through the storage worker on its own thread:
// busy state, totals, interface choice, CSV export; and the folding into hours, days, months.
#include "gui/screens/history_screen.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include "fakes/temp_dir.h"
#include "gui/services/csv_export.h"
#include "gui/services/history_query.h"
#include "gui/services/history_recorder.h"
#include "gui/services/storage_worker.h"
#include "gui/widgets/history_chart.h"
#include "gui/widgets/kpi_card.h"
#include "platform/calendar.h"
#include "storage/history_writer.h"

using namespace netmon;
using namespace netmon::gui;
using namespace std::chrono_literals;

namespace {

storage::InterfaceSample sample(const std::string& name, storage::TimePoint time, std::uint64_t rx,
                                std::uint64_t tx) {
    storage::InterfaceSample result;
    result.interfaceName = name;
    result.time = time;
    result.duration = 1000ms;
    result.rxBytes = rx;
    result.txBytes = tx;
    return result;
}

storage::HistoryRow row(const std::string& name, storage::TimePoint start, std::uint64_t rx) {
    storage::HistoryRow result;
    result.interfaceName = name;
    result.start = start;
    result.rxBytes = rx;
    result.txBytes = rx / 10;
    return result;
}

}  // namespace

class HistoryScreenTest : public QObject {
    Q_OBJECT
private:
    test::TempDir m_dir;
    HistoryRecorder m_recorder;
    QThread m_thread;
    StorageWorker* m_worker = nullptr;
    HistoryScreen* m_screen = nullptr;

private Q_SLOTS:
    void initTestCase() {
        const auto now = std::chrono::system_clock::now();
        std::vector<std::string> warnings;
        storage::HistoryWriter::Options options;
        options.path = m_dir.path() / "history.db";
        auto writer = storage::HistoryWriter::open(options, warnings);
        QVERIFY(writer.has_value());
        (*writer)->append(std::vector<storage::InterfaceSample>{
            sample("eth0", now - 90s, 1000, 100), sample("eth0", now - 30s, 2000, 200),
            sample("wlan0", now - 30s, 500, 50), sample("lo", now - 30s, 9999, 9999)});
        QVERIFY((*writer)->flush().has_value());
        writer->reset();

        m_worker = new StorageWorker(m_recorder);
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
        QSignalSpy opened(m_worker, &StorageWorker::historyOpened);
        QMetaObject::invokeMethod(m_worker, "openHistory", Qt::QueuedConnection, Q_ARG(quint64, 1),
                                  Q_ARG(QString, QString::fromStdString(options.path.string())),
                                  Q_ARG(int, 90));
        QVERIFY(opened.wait(10000));
        const auto result = opened.at(0).at(0).value<HistoryOpened>();
        QVERIFY(result.ok);

        m_screen = new HistoryScreen;
        connect(m_screen, &HistoryScreen::queryRequested, m_worker, &StorageWorker::queryHistory);
        connect(m_worker, &StorageWorker::historyReady, m_screen, &HistoryScreen::showResult);
        connect(m_screen, &HistoryScreen::exportRequested, m_worker, &StorageWorker::exportCsv);
        connect(m_worker, &StorageWorker::exportFinished, m_screen, &HistoryScreen::exportFinished);
        m_screen->resize(1280, 700);
    }

    void cleanupTestCase() {
        delete m_screen;
        QMetaObject::invokeMethod(m_worker, &StorageWorker::shutdown, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    void queriesRunInTheWorkerWithABusyState() {
        m_screen->setRange(HistoryScreen::Range::Last24Hours);
        QVERIFY(m_screen->busy());  // the GUI thread did not wait for the database
        QCOMPARE(m_screen->statusText(), QStringLiteral("Reading history…"));
        QTRY_VERIFY(!m_screen->busy());
        // eth0 + wlan0; lo is left out of "all interfaces".
        QCOMPARE(m_screen->totalCard(0)->value(), QStringLiteral("3.42 KiB"));  // 3,500 B
        QCOMPARE(m_screen->totalCard(1)->value(), QStringLiteral("350 B"));
        QVERIFY(m_screen->chart()->barCount() >= 1);
        QCOMPARE(m_screen->shown()->interfaces, (std::vector<std::string>{"eth0", "lo", "wlan0"}));
    }

    void oneInterface() {
        m_screen->setInterface(QStringLiteral("wlan0"));
        QTRY_VERIFY(!m_screen->busy());
        QCOMPARE(m_screen->totalCard(0)->value(), QStringLiteral("500 B"));
        m_screen->setInterface(QString());
        QTRY_VERIFY(!m_screen->busy());
    }

    void answersToReplacedRequestsAreIgnored() {
        m_screen->setRange(HistoryScreen::Range::Last7Days);
        m_screen->setStep(HistoryStep::Day);  // replaces the first request
        HistoryResult stale;
        stale.request.id = 1;  // long gone
        stale.rxTotal = 123;
        m_screen->showResult(stale);
        QVERIFY(m_screen->busy());
        QTRY_VERIFY(!m_screen->busy());
        QCOMPARE(m_screen->totalCard(0)->value(), QStringLiteral("3.42 KiB"));
    }

    void exportsTheShownRowsAsCsv() {
        const QString path = QString::fromStdString((m_dir.path() / "export.csv").string());
        m_screen->exportTo(path);
        QTRY_VERIFY(m_screen->statusText().startsWith(QStringLiteral("Exported to")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(QStringLiteral(
            "start_local,start_utc,interface,rx_bytes,tx_bytes,rx_packets,tx_packets\n")));
        QVERIFY(text.contains(QStringLiteral(",wlan0,500,50,0,0\n")));
        QVERIFY(!text.contains(QStringLiteral(",lo,")));  // not shown, not exported
    }

    void foldsDaysIntoLocalMonths() {
        const auto now = std::chrono::system_clock::now();
        const auto thisMonth = localMonthStart(now);
        const auto lastMonth = localMonthStart(thisMonth - 1h);
        HistoryRequest request;
        request.step = HistoryStep::Month;
        request.excluded = {"lo"};
        const HistoryResult result = foldHistoryRows(
            request, {row("eth0", lastMonth, 100), row("eth0", thisMonth, 1000),
                      row("wlan0", localDayStart(now), 10), row("lo", thisMonth, 5000)});
        QCOMPARE(result.buckets.size(), std::size_t{2});
        QVERIFY(result.buckets[0].start == lastMonth);
        QCOMPARE(result.buckets[1].rxBytes, std::uint64_t{1010});
        QCOMPARE(result.rxTotal, std::uint64_t{1110});
        QCOMPARE(result.rows.size(), std::size_t{3});
        QCOMPARE(result.interfaces.size(), std::size_t{3});
    }

    void csvQuotesAwkwardNames() {
        HistoryResult result;
        result.rows = {row("we,ird\"name", std::chrono::system_clock::time_point{}, 1)};
        QVERIFY(QString::fromStdString(historyCsv(result))
                    .contains(QStringLiteral(",\"we,ird\"\"name\",1,0,0,0\n")));
    }
};

QTEST_MAIN(HistoryScreenTest)
#include "history_screen_test.moc"
