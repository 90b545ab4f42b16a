// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/app_controller.h"

#include <QApplication>

#include "core/monitor.h"
#include "gui/app/feed_setup.h"
#include "gui/screens/history_screen.h"
#include "gui/screens/settings_screen.h"
#include "gui/services/alert_center.h"
#include "gui/services/history_recorder.h"
#include "gui/services/snapshot_bridge.h"
#include "gui/services/start_at_login.h"
#include "gui/services/storage_worker.h"
#include "gui/services/synthetic_load.h"
#include "gui/services/tray_icon.h"
#include "gui/services/ui_settings.h"
#include "gui/theme/theme.h"
#include "gui/types/qt_text.h"
#include "gui/window/main_window.h"
#include "platform/paths.h"
#include "runtime/config_file.h"

namespace netmon::gui {

AppController::AppController(GuiOptions options, QObject* parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_uiSettings(std::make_unique<UiSettings>()),
      m_recorder(std::make_unique<HistoryRecorder>()),
      m_bridge(new SnapshotBridge(this)),
      m_alerts(new AlertCenter(this)) {
    m_worker = new StorageWorker(*m_recorder);
    m_worker->moveToThread(&m_storageThread);
    connect(&m_storageThread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_storageThread.setObjectName(QStringLiteral("netmon-storage"));
    m_storageThread.start();
    connect(qApp, &QCoreApplication::aboutToQuit, this, &AppController::shutdown);
}

AppController::~AppController() {
    shutdown();
}

void AppController::start() {
    // The settings file is small and read once, before the window exists.
    m_configPath = m_options.configPath.isEmpty() ? toQString(defaultConfigPath().string())
                                                  : m_options.configPath;
    const std::filesystem::path configPath = m_configPath.toStdString();
    const LoadedConfig loaded = runtime::loadConfig(configPath, runtime::locateConfig(configPath));
    m_config = loaded.config;
    if (loaded.refused) {
        // Not our file: the app runs on the defaults and never saves over it.
        m_configRefused = toQString(loaded.refused->describe());
        m_alerts->set(Alert{QStringLiteral("config-refused"),
                            Alert::Level::Error,
                            tr("Settings file: %1").arg(m_configRefused),
                            {},
                            {},
                            Alert::Action::None});
    }
    for (const std::string& warning : loaded.warnings) {
        m_alerts->set(Alert{QStringLiteral("config:") + toQString(warning),
                            Alert::Level::Warning,
                            tr("Settings file: %1 (the default is used)").arg(toQString(warning)),
                            {},
                            tr("Settings"),
                            Alert::Action::OpenSettings});
    }

    const ThemeName theme =
        m_options.theme.isEmpty() ? m_uiSettings->theme() : themeFromString(m_options.theme);
    applyTheme(*qApp, theme);
    m_window = std::make_unique<MainWindow>(*m_uiSettings);
    if (TrayIcon::available()) {
        m_tray = new TrayIcon(this);
        m_window->setTray(m_tray);
        connect(m_tray, &TrayIcon::showRequested, m_window.get(), [this] {
            m_window->show();
            m_window->raise();
            m_window->activateWindow();
        });
        connect(m_tray, &TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
    }
    m_window->setCloseToTray(m_uiSettings->closeToTray());
    SettingsScreen* settings = m_window->settings();
    settings->setConfig(m_config, m_configPath);
    settings->setDefaultDatabasePath(toQString(defaultDatabasePath().string()));
    settings->setAppearance(theme, m_uiSettings->closeToTray(), TrayIcon::available());
    // One small file, read once before the window shows, like the settings file.
    const std::optional<std::filesystem::path> autostart = autostartEntryPath();
    settings->setStartAtLogin(autostart.has_value(), autostart && startsAtLogin(*autostart));
    connectWindow();
    for (int screen = 0; screen < static_cast<int>(MainWindow::Screen::Count); ++screen) {
        if (MainWindow::screenName(static_cast<MainWindow::Screen>(screen)) ==
            m_options.startScreen) {
            m_window->setCurrentScreen(static_cast<MainWindow::Screen>(screen));
        }
    }
    if (!m_options.historyInterface.isEmpty()) {
        m_window->history()->setInterface(m_options.historyInterface);
    }
    m_window->setAlerts(m_alerts->alerts());
    // Started at sign-in to the tray: monitoring and recording run, the window waits for the
    // tray icon. Without a tray there would be no way to open it, so it shows.
    if (!m_options.startInTray || m_tray == nullptr || !m_tray->visible()) {
        m_window->show();
    }

    QMetaObject::invokeMethod(m_worker, &StorageWorker::probePermissions, Qt::QueuedConnection);
    startMonitoring();
}

void AppController::connectWindow() {
    MainWindow* window = m_window.get();
    connect(m_bridge, &SnapshotBridge::historyHealthReady, window, &MainWindow::setHistoryHealth);
    connect(m_bridge, &SnapshotBridge::historyHealthReady, m_alerts, &AlertCenter::onHistoryHealth);
    connect(m_bridge, &SnapshotBridge::snapshotReady, window,
            qOverload<const std::shared_ptr<const Snapshot>&>(&MainWindow::showSnapshot));
    connect(m_bridge, &SnapshotBridge::snapshotReady, m_alerts,
            [this](const std::shared_ptr<const Snapshot>& snapshot) {
                m_alerts->onSnapshot(*snapshot);
            });
    connect(m_alerts, &AlertCenter::changed, window,
            [this] { m_window->setAlerts(m_alerts->alerts()); });
    connect(window, &MainWindow::alertDismissed, m_alerts, &AlertCenter::dismiss);

    connect(m_worker, &StorageWorker::permissionsProbed, this,
            [this](const PermissionReport& report) {
                m_report = report;
                m_window->settings()->setPermissionReport(report);
                m_alerts->onModeStatus(m_config.captureMode, report);
            });
    connect(m_worker, &StorageWorker::historyOpened, this, [this](const HistoryOpened& opened) {
        if (opened.generation != m_historyGeneration) {
            return;  // a database the user has since moved away from
        }
        m_window->setHistoryOpened(opened);
        if (opened.ok && opened.generation != m_historyShown) {
            // A query made before this database (or the service) was in use found none.
            m_historyShown = opened.generation;
            m_window->history()->refresh();
        }
        for (const std::string& warning : opened.warnings) {
            m_alerts->set(Alert{QStringLiteral("history-open"),
                                Alert::Level::Warning,
                                tr("History database: %1").arg(toQString(warning)),
                                {},
                                {},
                                Alert::Action::None});
        }
    });
    HistoryScreen* history = window->history();
    connect(history, &HistoryScreen::queryRequested, m_worker, &StorageWorker::queryHistory);
    connect(m_worker, &StorageWorker::historyReady, history, &HistoryScreen::showResult);
    connect(history, &HistoryScreen::exportRequested, m_worker, &StorageWorker::exportCsv);
    connect(m_worker, &StorageWorker::exportFinished, history, &HistoryScreen::exportFinished);

    SettingsScreen* settings = window->settings();
    connect(settings, &SettingsScreen::configApplied, this, &AppController::applyConfig);
    connect(m_worker, &StorageWorker::configSaved, settings, &SettingsScreen::setSaveResult);
    connect(settings, &SettingsScreen::themeChanged, this, [this](ThemeName theme) {
        m_uiSettings->setTheme(theme);
        applyTheme(*qApp, theme);
    });
    connect(settings, &SettingsScreen::closeToTrayChanged, this, [this](bool enabled) {
        m_uiSettings->setCloseToTray(enabled);
        m_window->setCloseToTray(enabled);
    });
    connect(settings, &SettingsScreen::startAtLoginChanged, m_worker,
            &StorageWorker::setStartAtLogin);
    connect(m_worker, &StorageWorker::startAtLoginSet, settings,
            &SettingsScreen::setStartAtLoginResult);
    connect(m_worker, &StorageWorker::serviceSettingsRead, settings,
            &SettingsScreen::setServiceConfig);
    connect(m_worker, &StorageWorker::serviceSettingsSaved, settings,
            &SettingsScreen::setServiceSaveResult);
}

void AppController::startMonitoring() {
    if (m_options.fakeFlows > 0 || m_options.fakeInterfaces > 0) {
        const std::string reason = "a synthetic load is running (--fake-load); nothing is stored.";
        m_recorder->disable(reason);
        m_source.kind = DataSource::Kind::Synthetic;
        m_window->setDataSource(m_source);
        m_synthetic =
            std::make_unique<SyntheticLoad>(m_options.fakeFlows, m_options.fakeInterfaces);
        m_synthetic->start(
            [this, reason](const Snapshot& snapshot) {
                m_bridge->post(snapshot,
                               HistoryHealth{HistoryHealth::State::Disabled, reason, 0, 0});
            },
            std::chrono::seconds(1));
        return;
    }
    m_recorder->setStoreHostHistory(m_config.privacy.storeHostHistory);
    startMonitor();  // then history: the service's, or the app's own database
}

void AppController::startMonitor() {
    const std::uint64_t generation = ++m_monitorGeneration;
    if (m_monitorBuilder.joinable()) {
        m_monitorBuilder.join();  // an older build finishing; its result will be dropped
    }
    std::optional<std::filesystem::path> socket;
    if (m_askService && !m_options.noService) {
        socket = m_options.socketPath.isEmpty()
                     ? serviceSocketPath()
                     : std::filesystem::path(m_options.socketPath.toStdString());
    }
    m_monitorBuilder = std::jthread([this, generation, config = m_config, socket] {
        auto setup = std::make_shared<FeedSetup>(makeFeed(config, socket));
        QMetaObject::invokeMethod(
            this, [this, generation, setup] { monitorReady(generation, setup); },
            Qt::QueuedConnection);
    });
}

void AppController::monitorReady(std::uint64_t generation,
                                 const std::shared_ptr<FeedSetup>& setup) {
    if (generation != m_monitorGeneration || m_stopped) {
        return;  // superseded by a later mode change, or quitting
    }
    m_askService = false;  // decided once: a service that comes later is used at next start
    m_mode = setup->mode;
    m_source = setup->source;
    m_alerts->onDataSource(m_source);
    m_alerts->onModeDecision(m_mode);
    m_window->settings()->setModeDecision(m_mode);
    m_window->setDataSource(m_source, toQString(serviceConfigPath().string()));
    if (setup->service) {
        m_window->settings()->setDefaultDatabasePath(toQString(serviceDatabasePath().string()));
        startServiceFeed(std::move(setup->service));
        return;
    }
    if (!m_historyStarted) {
        m_historyStarted = true;
        openHistory();
    }
    m_monitor = std::move(setup->monitor);
    m_monitor->subscribe([this](const Snapshot& snapshot) {
        // Monitor thread: store the tick, then hand a copy to the GUI thread.
        m_bridge->post(snapshot, m_recorder->record(snapshot));
    });
    m_monitor->start();
}

void AppController::startServiceFeed(std::unique_ptr<protocol::ServiceFeed> feed) {
    // The service records every tick in its own database; a second copy here would store each
    // byte twice, so the app writes none and reads the service's.
    m_recorder->disable("the Network Monitor service records history; this app stores nothing.");
    m_historyStarted = true;
    m_historyGeneration += 1;
    QMetaObject::invokeMethod(m_worker, "useService", Qt::QueuedConnection,
                              Q_ARG(quint64, m_historyGeneration),
                              Q_ARG(QString, toQString(m_source.socket)));
    m_serviceFeed = std::move(feed);
    const HistoryHealth health{HistoryHealth::State::ByService, m_source.socket, 0,
                               m_historyGeneration};
    m_serviceFeed->subscribe(
        [this, health](const Snapshot& snapshot) { m_bridge->post(snapshot, health); });
    m_serviceFeed->start();
}

void AppController::stopMonitor() {
    if (m_serviceFeed) {
        m_serviceFeed->stop();  // the service keeps recording; nothing of ours to store
        m_serviceFeed.reset();
    }
    if (m_monitor) {
        m_monitor->stop();
        m_monitor->tick();  // the traffic since the last tick goes to history
        m_monitor.reset();
    }
}

void AppController::restartMonitor() {
    stopMonitor();
    startMonitor();
}

void AppController::openHistory() {
    const std::string path = m_config.databasePath.empty() ? defaultDatabasePath().string()
                                                           : m_config.databasePath.string();
    m_historyGeneration += 1;
    QMetaObject::invokeMethod(m_worker, "openHistory", Qt::QueuedConnection,
                              Q_ARG(quint64, m_historyGeneration), Q_ARG(QString, toQString(path)),
                              Q_ARG(int, m_config.retentionDays), Q_ARG(int, m_config.historyTopN));
}

void AppController::applyConfig(const Config& config) {
    if (m_source.kind == DataSource::Kind::Service) {
        // The service's settings: it applies and saves them (and refuses them to a user it
        // does not let change them); the app's own monitor and file are not in play.
        if (m_source.fullAccess) {
            QMetaObject::invokeMethod(m_worker, "saveServiceSettings", Qt::QueuedConnection,
                                      Q_ARG(netmon::Config, config));
        }
        return;
    }
    const Config previous = m_config;
    m_config = config;
    if (!m_synthetic && config.captureMode != previous.captureMode) {
        restartMonitor();  // another mode is another set of sources
    } else if (m_monitor) {
        m_monitor->applyConfig(config);  // interval, interfaces and privacy, from the next tick
    }
    m_recorder->setStoreHostHistory(config.privacy.storeHostHistory);
    if (!m_synthetic) {
        if (config.databasePath != previous.databasePath) {
            openHistory();
        } else if (config.retentionDays != previous.retentionDays ||
                   config.historyTopN != previous.historyTopN) {
            QMetaObject::invokeMethod(m_worker, "setRetention", Qt::QueuedConnection,
                                      Q_ARG(int, config.retentionDays),
                                      Q_ARG(int, config.historyTopN));
        }
    }
    m_alerts->onModeStatus(config.captureMode, m_report);
    if (!m_configRefused.isEmpty()) {
        m_window->settings()->setSaveResult(m_configRefused);
        return;
    }
    QMetaObject::invokeMethod(m_worker, "saveConfig", Qt::QueuedConnection,
                              Q_ARG(netmon::Config, config), Q_ARG(QString, m_configPath));
}

void AppController::shutdown() {
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_synthetic.reset();
    if (m_monitorBuilder.joinable()) {
        m_monitorBuilder.join();  // its result arrives after m_stopped and is dropped
    }
    stopMonitor();  // the last tick goes to history, so quitting loses nothing
    // Flush and close the database on its own thread, then end that thread.
    QMetaObject::invokeMethod(m_worker, &StorageWorker::shutdown, Qt::BlockingQueuedConnection);
    m_storageThread.quit();
    m_storageThread.wait();
}

}  // namespace netmon::gui
