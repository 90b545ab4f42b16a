// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QStringList>
#include <memory>
#include <vector>

#include "core/model/snapshot.h"
#include "gui/types/alert.h"
#include "gui/types/data_source.h"
#include "gui/types/history_health.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace netmon::gui {

class AlertBanner;
class ConnectionsScreen;
class DashboardScreen;
class HistoryScreen;
class InterfacesScreen;
class SettingsScreen;
class TrayIcon;
class UiSettings;
struct HistoryOpened;

// The window: a sidebar of screens, the alert banner across the top, the current screen below.
// Remembers its size and last screen. Knows nothing of threads: the app controller feeds it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Screen { Dashboard, Interfaces, Connections, History, Settings, Count };

    explicit MainWindow(UiSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showSnapshot(const std::shared_ptr<const Snapshot>& snapshot);
    void showSnapshot(const Snapshot& snapshot);  // convenience for tests
    void setHistoryHealth(const HistoryHealth& health);
    void setHistoryOpened(const HistoryOpened& opened);
    // Where live data and history come from: a line in the status area, and the screens that
    // differ (today's totals, the settings the service owns).
    void setDataSource(const DataSource& source, const QString& serviceConfigPath = {});
    void setAlerts(const std::vector<Alert>& alerts);
    void setTray(TrayIcon* tray);
    void setCloseToTray(bool enabled);

    void setCurrentScreen(Screen screen);
    [[nodiscard]] Screen currentScreen() const;
    [[nodiscard]] static QString screenName(Screen screen);  // "dashboard", … (file names)

    [[nodiscard]] DashboardScreen* dashboard() const { return m_dashboard; }
    [[nodiscard]] InterfacesScreen* interfaces() const { return m_interfaces; }
    [[nodiscard]] ConnectionsScreen* connections() const { return m_connections; }
    [[nodiscard]] HistoryScreen* history() const { return m_history; }
    [[nodiscard]] SettingsScreen* settings() const { return m_settings; }
    [[nodiscard]] AlertBanner* banner() const { return m_banner; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString sourceText() const;

Q_SIGNALS:
    void alertDismissed(const QString& key);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* makeSidebar();
    void onAlertAction(Alert::Action action);
    void saveWindowState();
    void setCompactSidebar(bool compact);

    UiSettings& m_uiSettings;
    QWidget* m_sidebarPanel = nullptr;
    QLabel* m_sidebarTitle = nullptr;
    QListWidget* m_sidebar = nullptr;
    QStringList m_screenTitles;
    bool m_compact = false;
    QLabel* m_status = nullptr;
    QLabel* m_source = nullptr;
    QStackedWidget* m_stack = nullptr;
    AlertBanner* m_banner = nullptr;
    DashboardScreen* m_dashboard = nullptr;
    InterfacesScreen* m_interfaces = nullptr;
    ConnectionsScreen* m_connections = nullptr;
    HistoryScreen* m_history = nullptr;
    SettingsScreen* m_settings = nullptr;
    TrayIcon* m_tray = nullptr;
    bool m_closeToTray = false;
    HistoryHealth m_health;
    MonitoringMode m_mode = MonitoringMode::Basic;
    double m_intervalSeconds = 0;
};

}  // namespace netmon::gui
