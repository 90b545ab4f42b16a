// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/window/main_window.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include "gui/screens/connections_screen.h"
#include "gui/screens/dashboard_screen.h"
#include "gui/screens/history_screen.h"
#include "gui/screens/interfaces_screen.h"
#include "gui/screens/settings_screen.h"
#include "gui/services/tray_icon.h"
#include "gui/services/ui_settings.h"
#include "gui/theme/theme.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"
#include "gui/widgets/alert_banner.h"

namespace netmon::gui {
namespace {

constexpr int kSidebarWidth = 200;
constexpr int kCompactSidebarWidth = 60;
constexpr int kCompactBelowWidth = 1100;

}  // namespace

MainWindow::MainWindow(UiSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_uiSettings(settings) {
    setWindowTitle(tr("Network Monitor"));
    setWindowIcon(themeIcon(QStringLiteral("app")));
    setMinimumSize(900, 600);

    m_banner = new AlertBanner(this);
    m_stack = new QStackedWidget(this);
    m_dashboard = new DashboardScreen(this);
    m_interfaces = new InterfacesScreen(this);
    m_connections = new ConnectionsScreen(this);
    m_history = new HistoryScreen(this);
    m_settings = new SettingsScreen(this);
    for (QWidget* screen : std::initializer_list<QWidget*>{m_dashboard, m_interfaces, m_connections,
                                                           m_history, m_settings}) {
        m_stack->addWidget(screen);
    }

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_stack, 1);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(makeSidebar());
    layout->addWidget(right, 1);
    setCentralWidget(central);

    connect(m_banner, &AlertBanner::actionTriggered, this, &MainWindow::onAlertAction);
    connect(m_banner, &AlertBanner::dismissed, this, &MainWindow::alertDismissed);

    if (!restoreGeometry(m_uiSettings.geometry())) {
        resize(1280, 800);
    }
    const int last = m_uiSettings.lastScreen();
    setCurrentScreen(last >= 0 && last < static_cast<int>(Screen::Count) ? static_cast<Screen>(last)
                                                                         : Screen::Dashboard);
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::makeSidebar() {
    auto* sidebar = new QWidget(this);
    m_sidebarPanel = sidebar;
    sidebar->setObjectName(QStringLiteral("sidebarPanel"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(kSidebarWidth);
    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_sidebarTitle = new QLabel(tr("Network Monitor"), sidebar);
    m_sidebarTitle->setObjectName(QStringLiteral("sidebarTitle"));
    m_sidebar = new QListWidget(sidebar);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const std::pair<QString, QString> items[] = {{QStringLiteral("dashboard"), tr("Dashboard")},
                                                 {QStringLiteral("interfaces"), tr("Interfaces")},
                                                 {QStringLiteral("connections"), tr("Connections")},
                                                 {QStringLiteral("history"), tr("History")},
                                                 {QStringLiteral("settings"), tr("Settings")}};
    for (const auto& [icon, label] : items) {
        auto* item = new QListWidgetItem(themeIcon(icon), label, m_sidebar);
        item->setSizeHint(QSize(0, 40));
        m_screenTitles << label;
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            m_stack->setCurrentIndex(row);
            m_uiSettings.setLastScreen(row);
        }
    });
    m_status = new QLabel(sidebar);
    m_status->setObjectName(QStringLiteral("sidebarStatus"));
    m_status->setWordWrap(true);
    m_source = new QLabel(dataSourceLine(DataSource{}), sidebar);
    m_source->setObjectName(QStringLiteral("sidebarStatus"));
    m_source->setProperty("muted", true);
    m_source->setWordWrap(true);
    // The sidebar's own background shows under the list and the status line.
    m_sidebar->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    layout->addWidget(m_sidebarTitle);
    layout->addWidget(m_sidebar, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_source);
    return sidebar;
}

void MainWindow::showSnapshot(const std::shared_ptr<const Snapshot>& snapshot) {
    const Snapshot& tick = *snapshot;
    m_dashboard->showSnapshot(tick);
    m_interfaces->showSnapshot(tick);
    m_connections->showSnapshot(snapshot);
    m_history->showSnapshot(tick);
    m_settings->showSnapshot(tick);
    m_mode = tick.mode;
    double rx = 0;
    double tx = 0;
    for (const InterfaceStat& stat : tick.interfaces) {
        if (stat.traffic && !stat.isVirtual) {
            rx += stat.traffic->rxBitsPerSecond;
            tx += stat.traffic->txBitsPerSecond;
            m_intervalSeconds = stat.traffic->elapsedSeconds;
        }
    }
    if (m_tray != nullptr) {
        m_tray->setRates(rx, tx);
    }
    const QString mode = tick.mode == MonitoringMode::Deep ? tr("Deep mode") : tr("Basic mode");
    const QString history =
        m_health.state == HistoryHealth::State::Recording   ? tr("recording")
        : m_health.state == HistoryHealth::State::ByService ? tr("service records")
        : m_health.state == HistoryHealth::State::Opening   ? tr("opening history")
                                                            : tr("not recording");
    m_status->setText(
        tr("%1 · %2\n↓ %3  ↑ %4").arg(mode, history, bitRateText(rx), bitRateText(tx)));
}

void MainWindow::showSnapshot(const Snapshot& snapshot) {
    showSnapshot(std::make_shared<const Snapshot>(snapshot));
}

void MainWindow::setHistoryHealth(const HistoryHealth& health) {
    m_health = health;
    m_dashboard->setHistoryHealth(health);
    m_settings->setHistoryHealth(health);
}

void MainWindow::setHistoryOpened(const HistoryOpened& opened) {
    m_dashboard->setHistoryOpened(opened);
}

void MainWindow::setDataSource(const DataSource& source, const QString& serviceConfigPath) {
    m_source->setText(dataSourceLine(source));
    m_source->setToolTip(
        source.kind == DataSource::Kind::InProcess
            ? plainToolTip(tr("The Network Monitor service at %1 did not "
                              "answer: %2")
                               .arg(toQString(source.socket), shownText(source.serviceProblem)))
            : QString());
    if (source.kind == DataSource::Kind::Service) {
        m_dashboard->useServiceTotals();
    }
    m_settings->setDataSource(source, serviceConfigPath);
}

void MainWindow::setAlerts(const std::vector<Alert>& alerts) {
    m_banner->setAlerts(alerts);
}

void MainWindow::setTray(TrayIcon* tray) {
    m_tray = tray;
}

void MainWindow::setCloseToTray(bool enabled) {
    m_closeToTray = enabled;
}

void MainWindow::setCurrentScreen(Screen screen) {
    m_sidebar->setCurrentRow(static_cast<int>(screen));
}

MainWindow::Screen MainWindow::currentScreen() const {
    return static_cast<Screen>(m_stack->currentIndex());
}

QString MainWindow::screenName(Screen screen) {
    static const char* const kNames[] = {"dashboard", "interfaces", "connections", "history",
                                         "settings"};
    return QString::fromLatin1(kNames[static_cast<int>(screen)]);
}

QString MainWindow::statusText() const {
    return m_status->text();
}

QString MainWindow::sourceText() const {
    return m_source->text();
}

void MainWindow::onAlertAction(Alert::Action action) {
    switch (action) {
        case Alert::Action::OpenSettings:
            setCurrentScreen(Screen::Settings);
            break;
        case Alert::Action::OpenInterfaces:
            setCurrentScreen(Screen::Interfaces);
            break;
        case Alert::Action::None:
            break;
    }
}

void MainWindow::saveWindowState() {
    m_uiSettings.setGeometry(saveGeometry());
    m_uiSettings.setLastScreen(static_cast<int>(currentScreen()));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    setCompactSidebar(event->size().width() < kCompactBelowWidth);
}

// Below 1100 pixels the sidebar shows icons only (names in tooltips), leaving the tables room.
void MainWindow::setCompactSidebar(bool compact) {
    if (compact == m_compact) {
        return;
    }
    m_compact = compact;
    m_sidebarPanel->setFixedWidth(compact ? kCompactSidebarWidth : kSidebarWidth);
    m_sidebarTitle->setVisible(!compact);
    m_status->setVisible(!compact);
    m_source->setVisible(!compact);
    m_sidebar->setProperty("compact", compact);
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem* item = m_sidebar->item(row);
        item->setText(compact ? QString() : m_screenTitles[row]);
        item->setToolTip(compact ? m_screenTitles[row] : QString());
    }
    m_sidebar->style()->unpolish(m_sidebar);
    m_sidebar->style()->polish(m_sidebar);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveWindowState();
    if (m_closeToTray && m_tray != nullptr && m_tray->visible()) {
        hide();  // still monitoring and recording; the tray menu quits
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

}  // namespace netmon::gui
