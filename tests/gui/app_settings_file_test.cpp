// SPDX-License-Identifier: GPL-3.0-or-later
// The app started with --config pointing at something that is not our settings (a folder, a
// text file): the banner says so, the defaults run, and applying settings never saves over it.
#include <QLineEdit>
#include <QTest>
#include <filesystem>
#include <set>

#include "fakes/temp_dir.h"
#include "fakes/text_file.h"
#include "gui/app/app_controller.h"
#include "gui/screens/settings_screen.h"
#include "gui/types/alert.h"
#include "gui/widgets/alert_banner.h"
#include "gui/window/main_window.h"

namespace netmon::gui {

namespace fs = std::filesystem;

namespace {

std::set<std::string> names(const fs::path& folder) {
    std::set<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        found.insert(fs::relative(entry.path(), folder).string());
    }
    return found;
}

// Starts the app on `config` (a synthetic load: no OS reads, no history), checks the banner,
// applies a change of settings, and ends the app so that any save queued to the storage thread
// has run before the caller looks at the file.
void startApplyAndQuit(const fs::path& config) {
    GuiOptions options;
    options.configPath = QString::fromStdString(config.string());
    options.fakeFlows = 1;
    options.fakeInterfaces = 1;
    AppController app(options);
    app.start();

    bool shown = false;
    for (const Alert& alert : app.window()->banner()->alerts()) {
        if (alert.level == Alert::Level::Error && alert.text.contains(options.configPath) &&
            alert.text.contains(QStringLiteral("left alone"))) {
            shown = true;
        }
    }
    QVERIFY2(shown, "the banner names the refused settings file");

    SettingsScreen* settings = app.window()->settings();
    settings->retentionEdit()->setText(QStringLiteral("30"));
    settings->apply();
    QVERIFY2(settings->saveStatusText().contains(QStringLiteral("not saved")),
             qPrintable(settings->saveStatusText()));
}

}  // namespace

class AppSettingsFileTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aFolderGivenAsSettingsIsShownAndNeverSavedOver() {
        test::TempDir dir;
        const fs::path folder = dir.path() / "settings";
        fs::create_directory(folder);
        test::writeText(folder / "notes.txt", "mine");
        const auto before = names(dir.path());
        startApplyAndQuit(folder);
        QVERIFY(fs::is_directory(folder));
        QVERIFY(names(dir.path()) == before);
        QCOMPARE(test::readText(folder / "notes.txt"), std::string("mine"));
    }

    void aTextFileGivenAsSettingsIsLeftByteForByte() {
        test::TempDir dir;
        const fs::path file = dir.path() / "notes.txt";
        const std::string text = "shopping: milk, bread\n";
        test::writeText(file, text);
        startApplyAndQuit(file);
        QCOMPARE(test::readText(file), text);
        QVERIFY(names(dir.path()) == std::set<std::string>{"notes.txt"});
    }
};

}  // namespace netmon::gui

QTEST_MAIN(netmon::gui::AppSettingsFileTest)
#include "app_settings_file_test.moc"
