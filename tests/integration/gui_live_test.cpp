// SPDX-License-Identifier: GPL-3.0-or-later
// The real netmon-gui (its whole main, runGuiApp: options, settings, the monitor on its own
// threads, the window) runs offscreen inside a test network namespace, and its Interfaces screen
// must show the namespace's veth with the kernel's own byte counters — first after a known
// amount of traffic sent before it started, then after more sent while it runs.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QTableView>
#include <QTimer>
#include <array>
#include <chrono>
#include <cstdlib>
#include <functional>

#include "core/format.h"
#include "fakes/temp_dir.h"
#include "gui/app/gui_main.h"
#include "gui/models/interface_table_model.h"
#include "gui/screens/interfaces_screen.h"
#include "gui/types/qt_text.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;
using gui::InterfaceTableModel;

// Puts this (the main) thread into network namespace `ns` for the object's life: Qt and the
// monitor start their threads from here, so they inherit it. Restored on destruction.
class EnteredNamespace {
public:
    explicit EnteredNamespace(const std::string& ns)
        : m_original(::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) {
        const int target = ::open(("/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
        m_entered = m_original >= 0 && target >= 0 && ::setns(target, CLONE_NEWNET) == 0;
        if (target >= 0) {
            ::close(target);
        }
    }
    ~EnteredNamespace() {
        if (m_original >= 0) {
            ::setns(m_original, CLONE_NEWNET);
            ::close(m_original);
        }
    }
    EnteredNamespace(const EnteredNamespace&) = delete;
    EnteredNamespace& operator=(const EnteredNamespace&) = delete;
    [[nodiscard]] bool entered() const { return m_entered; }

private:
    int m_original;
    bool m_entered = false;
};

// What the Interfaces screen shows for one interface (through the view's own model, i.e. after
// its filter, as a user sees it), or nothing while the row is not there.
struct ShownRow {
    QString received;
    QString sent;
    qulonglong receivedBytes = 0;
    qulonglong sentBytes = 0;
};

std::optional<ShownRow> shownRow(const gui::InterfacesScreen& screen, const std::string& name) {
    const QAbstractItemModel* model = screen.table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, InterfaceTableModel::Name).data().toString() !=
            gui::toQString(name)) {
            continue;
        }
        const QModelIndex received = model->index(row, InterfaceTableModel::Received);
        const QModelIndex sent = model->index(row, InterfaceTableModel::Sent);
        return ShownRow{received.data().toString(), sent.data().toString(),
                        received.data(InterfaceTableModel::SortRole).toULongLong(),
                        sent.data(InterfaceTableModel::SortRole).toULongLong()};
    }
    return std::nullopt;
}

gui::InterfacesScreen* findInterfacesScreen() {
    for (QWidget* widget : QApplication::allWidgets()) {
        if (auto* screen = qobject_cast<gui::InterfacesScreen*>(widget)) {
            return screen;
        }
    }
    return nullptr;
}

// The checks run inside the app's event loop; Qt calls this once the app exists.
std::function<void()> g_onAppStarted;
void onAppStarted() {
    if (g_onAppStarted) {
        QTimer::singleShot(0, g_onAppStarted);
    }
}
Q_COREAPP_STARTUP_FUNCTION(onAppStarted)

TEST(GuiLive, InterfacesScreenShowsTheNamespacesVethCounters) {
    if (const auto reason = TestNetwork::unavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    const TestNetwork network;
    constexpr int kPayload = 700;
    ASSERT_EQ(sendUdpFromBToA(network, 25, kPayload, 40'400).received, 25);
    const TempDir home;
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    ::setenv("XDG_CONFIG_HOME", (home.path() / "config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home.path() / "data").c_str(), 1);
    ::setenv("XDG_RUNTIME_DIR", (home.path() / "runtime").c_str(), 1);

    const EnteredNamespace inA(network.nsA);
    ASSERT_TRUE(inA.entered()) << "cannot enter " << network.nsA;

    // Phase 1: the traffic sent before start. Phase 2: 40 more datagrams sent while it runs.
    int phase = 1;
    bool showedVirtual = false;
    std::optional<ShownRow> last;
    std::uint64_t expectedRx = 0;
    std::uint64_t expectedTx = 0;
    std::uint64_t firstRx = 0;
    const auto readKernel = [&] {
        expectedRx = network.counter(network.nsA, network.ifA, "rx_bytes");
        expectedTx = network.counter(network.nsA, network.ifA, "tx_bytes");
    };
    readKernel();
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    QTimer* poll = nullptr;
    g_onAppStarted = [&] {
        poll = new QTimer(qApp);  // owned by the app
        QObject::connect(poll, &QTimer::timeout, [&] {
            if (std::chrono::steady_clock::now() > deadline) {
                ADD_FAILURE() << "the Interfaces screen did not show " << network.ifA
                              << " with the kernel's counters in 30 s; last shown: "
                              << (last ? last->received.toStdString() + " / " +
                                             last->sent.toStdString()
                                       : std::string("no row"));
                QCoreApplication::exit(3);
                return;
            }
            gui::InterfacesScreen* screen = findInterfacesScreen();
            if (screen == nullptr) {
                return;
            }
            if (!showedVirtual) {
                // A veth is virtual: hidden until the user ticks the toggle, as a user would.
                for (QCheckBox* box : screen->findChildren<QCheckBox*>()) {
                    if (!box->isChecked()) {
                        box->click();
                    }
                }
                showedVirtual = true;
            }
            last = shownRow(*screen, network.ifA);
            if (!last || last->receivedBytes != expectedRx || last->sentBytes != expectedTx) {
                return;
            }
            EXPECT_EQ(last->received, gui::toQString(formatBytes(expectedRx)));
            EXPECT_EQ(last->sent, gui::toQString(formatBytes(expectedTx)));
            if (phase == 1) {
                phase = 2;
                firstRx = expectedRx;
                EXPECT_EQ(sendUdpFromBToA(network, 40, kPayload, 40'401).received, 40);
                readKernel();
                return;
            }
            QCoreApplication::exit(0);
        });
        poll->start(100);
    };
    std::string program = "netmon-gui";
    std::string screenOption = "--screen";
    std::string screenName = "interfaces";
    std::array<char*, 4> argv{program.data(), screenOption.data(), screenName.data(), nullptr};
    int argc = 3;
    const int status = gui::runGuiApp(argc, argv.data());
    g_onAppStarted = nullptr;
    EXPECT_EQ(status, 0);
    EXPECT_EQ(phase, 2) << "the first counters were never shown";
    // The quiet veth moved by exactly the 40 datagrams' frames between the two readings the
    // screen was compared with.
    EXPECT_EQ(expectedRx - firstRx, 40 * (kPayload + kUdpOverIpv4FrameOverhead));
}

}  // namespace
}  // namespace netmon::test
