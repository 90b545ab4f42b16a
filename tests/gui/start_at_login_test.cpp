// SPDX-License-Identifier: GPL-3.0-or-later
// "Start at login" on Linux: the XDG autostart entry is written atomically with the app's path
// quoted by the Desktop Entry spec, removed again, and anything at its place that is not ours
// (someone else's entry, a symbolic link) is refused and left as it was. (Windows has no entry:
// its installer registers sign-in start.)
#include "gui/services/start_at_login.h"

#include <sys/stat.h>

#include <QTest>
#include <fstream>
#include <sstream>

#include "fakes/temp_dir.h"

using namespace netmon;
using namespace netmon::gui;

namespace {

std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

class StartAtLoginTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startAtLoginWritesAndRemovesOnlyItsOwnEntry() {
        const test::TempDir folder;
        const std::filesystem::path entry = folder.path() / "autostart" / "netmon-gui.desktop";
        const std::filesystem::path program = "/opt/my \"apps\"/netmon-gui";
        QVERIFY(!startsAtLogin(entry));
        const auto written = setStartAtLogin(entry, program, true);
        QVERIFY2(written, written ? "" : written.error().describe().c_str());
        QVERIFY(startsAtLogin(entry));
        struct stat info {};
        QCOMPARE(::lstat(entry.c_str(), &info), 0);
        QVERIFY(S_ISREG(info.st_mode));
        QCOMPARE(info.st_mode & 07777, 0600u);  // written like our other files: private
        const std::string text = fileText(entry);
        QVERIFY2(text.starts_with("[Desktop Entry]\nType=Application\n"), text.c_str());
        // Quoted by the Desktop Entry spec (\" in Exec), each backslash doubled for the file.
        QVERIFY2(
            text.find("Exec=\"/opt/my \\\\\"apps\\\\\"/netmon-gui\" --tray\n") != std::string::npos,
            text.c_str());
        QVERIFY(setStartAtLogin(entry, program, false));
        QVERIFY(!std::filesystem::exists(entry));

        // Someone else's entry and a link are refused and left as they are.
        std::ofstream(entry) << "[Desktop Entry]\nExec=other\n";
        QVERIFY(!setStartAtLogin(entry, program, true));
        QVERIFY(!setStartAtLogin(entry, program, false));
        QCOMPARE(fileText(entry), std::string("[Desktop Entry]\nExec=other\n"));
        std::filesystem::remove(entry);
        const std::filesystem::path target = folder.path() / "target";
        std::ofstream(target) << "keep";
        std::filesystem::create_symlink(target, entry);
        QVERIFY(!setStartAtLogin(entry, program, true));
        QVERIFY(std::filesystem::is_symlink(entry));
        QCOMPARE(fileText(target), std::string("keep"));
        // A path a desktop entry cannot hold is refused.
        std::filesystem::remove(entry);
        QVERIFY(!setStartAtLogin(entry, "/opt/bad\nExec=evil", true));
        QVERIFY(!std::filesystem::exists(entry));
    }
};

QTEST_MAIN(StartAtLoginTest)
#include "start_at_login_test.moc"
