// SPDX-License-Identifier: GPL-3.0-or-later
// A CSV export holds this user's per-interface history: under the usual umask 022 it must be
// readable by its owner only, checked with stat(). POSIX only (Linux build).
#include <QTest>
#include <filesystem>
#include <fstream>

#include "fakes/file_mode.h"
#include "fakes/temp_dir.h"
#include "gui/services/csv_export.h"

namespace netmon::gui {

class CsvExportModeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aNewExportIsPrivate() {
        const test::ScopedUmask umask;
        test::TempDir dir;
        const auto path = dir.path() / "history.csv";
        HistoryResult result;
        result.rows.push_back(storage::HistoryRow{});
        QVERIFY(writeHistoryCsv(path, result).has_value());
        QCOMPARE(test::modeOf(path), mode_t{0600});
        QVERIFY(std::filesystem::file_size(path) > 0);
    }

    void anExportOverAReadableFileMakesItPrivate() {
        const test::ScopedUmask umask;
        test::TempDir dir;
        const auto path = dir.path() / "history.csv";
        std::ofstream(path) << "old";
        QCOMPARE(test::modeOf(path), mode_t{0644});
        QVERIFY(writeHistoryCsv(path, HistoryResult{}).has_value());
        QCOMPARE(test::modeOf(path), mode_t{0600});
    }
};

}  // namespace netmon::gui

QTEST_MAIN(netmon::gui::CsvExportModeTest)
#include "csv_export_mode_test.moc"
