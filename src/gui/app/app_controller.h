// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThread>
#include <cstdint>
#include <memory>
#include <thread>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/permission_report.h"
#include "gui/app/gui_options.h"
#include "gui/types/data_source.h"

namespace netmon {
class Monitor;
namespace protocol {
class ServiceFeed;
}
}  // namespace netmon

namespace netmon::gui {

class AlertCenter;
struct FeedSetup;
class HistoryRecorder;
class MainWindow;
class SnapshotBridge;
class StorageWorker;
class SyntheticLoad;
class TrayIcon;
class UiSettings;

// Wires the app together: settings, the service's feed or an in-process Monitor (or a synthetic
// load) → bridge → window, the history recorder on the monitor thread (in process only: with
// the service, history is the service's), the storage worker on its thread, the alert rules,
// the tray. Applies changed settings without a restart. The GUI thread only ever receives
// values by queued signals and never waits on the disk, DNS or netlink, except once at exit
// while the last tick is stored.
class AppController : public QObject {
    Q_OBJECT
public:
    explicit AppController(GuiOptions options, QObject* parent = nullptr);
    ~AppController() override;

    // Loads the settings, shows the window, starts monitoring and history.
    void start();
    [[nodiscard]] MainWindow* window() const { return m_window.get(); }
    [[nodiscard]] SnapshotBridge* bridge() const { return m_bridge; }

private:
    void connectWindow();
    void startMonitoring();
    // Asks the service (at the first start only) or else makes the monitor for m_config, on a
    // thread of its own (connecting or loading a capture engine can take a while), then
    // subscribes and starts it here. A newer request supersedes an older one.
    void startMonitor();
    void monitorReady(std::uint64_t generation, const std::shared_ptr<FeedSetup>& setup);
    void startServiceFeed(std::unique_ptr<protocol::ServiceFeed> feed);
    void restartMonitor();  // after a change of capture mode
    void stopMonitor();     // the last tick to history, then no more ticks
    void openHistory();
    void applyConfig(const Config& config);
    void shutdown();

    GuiOptions m_options;
    QString m_configPath;
    QString m_configRefused;  // why the settings file is not ours to save over; empty: it is
    Config m_config;
    PermissionReport m_report;
    std::unique_ptr<UiSettings> m_uiSettings;
    std::unique_ptr<HistoryRecorder> m_recorder;
    SnapshotBridge* m_bridge;
    AlertCenter* m_alerts;
    QThread m_storageThread;
    StorageWorker* m_worker = nullptr;
    std::unique_ptr<MainWindow> m_window;
    TrayIcon* m_tray = nullptr;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<protocol::ServiceFeed> m_serviceFeed;
    DataSource m_source;
    bool m_askService = true;  // until the first feed is made
    bool m_historyStarted = false;
    ModeDecision m_mode;
    std::jthread m_monitorBuilder;
    std::uint64_t m_monitorGeneration = 0;
    std::unique_ptr<SyntheticLoad> m_synthetic;
    std::uint64_t m_historyGeneration = 0;
    std::uint64_t m_historyShown = 0;  // the generation the History screen last asked
    bool m_stopped = false;
};

}  // namespace netmon::gui
