// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <chrono>
#include <set>
#include <string>

#include "core/model/snapshot.h"
#include "gui/models/rate_history.h"
#include "gui/models/today_totals.h"
#include "gui/types/history_health.h"

class QBoxLayout;
class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace netmon::gui {

class HostListModel;
class KpiCard;
class KpiGrid;
class RateChart;
struct HistoryOpened;

// The first screen: key figures, a live chart of download and upload, the top remote hosts.
class DashboardScreen : public QWidget {
    Q_OBJECT
public:
    enum Kpi { Download, Upload, ReceivedToday, SentToday, Connections, TopHost, KpiCount };
    static constexpr std::size_t kTopHosts = 8;
    static inline const QString kAllInterfaces = QStringLiteral("*");

    explicit DashboardScreen(QWidget* parent = nullptr);

    void showSnapshot(const Snapshot& snapshot);
    void setHistoryHealth(const HistoryHealth& health);
    void setHistoryOpened(const HistoryOpened& opened);

    [[nodiscard]] KpiCard* card(Kpi kpi) const { return m_cards[kpi]; }
    [[nodiscard]] RateChart* chart() const { return m_chart; }
    [[nodiscard]] HostListModel* hostModel() const { return m_hosts; }
    void setWindow(std::chrono::seconds window);
    void setInterface(const QString& name);  // kAllInterfaces for all physical ones

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* makeHeader();
    QWidget* makeHostsPanel();
    void updateKpis(const Snapshot& snapshot);
    void updateInterfaceChoices(const Snapshot& snapshot);
    void redrawChart();
    [[nodiscard]] bool included(const std::string& name) const;

    KpiGrid* m_grid;
    KpiCard* m_cards[KpiCount] = {};
    RateChart* m_chart;
    HostListModel* m_hosts;
    QTableView* m_hostTable = nullptr;
    QStackedWidget* m_hostStack = nullptr;
    QLabel* m_hostEmpty = nullptr;
    QComboBox* m_interfaceBox = nullptr;
    QButtonGroup* m_windowButtons = nullptr;
    QBoxLayout* m_body = nullptr;

    RateHistory m_rates;
    TodayTotals m_today;
    std::uint64_t m_writerGeneration = 0;
    bool m_historyOff = false;
    bool m_recordedElsewhere = false;
    std::set<std::string> m_virtual;  // interfaces seen as loopback or virtual
    QString m_interface = kAllInterfaces;
    std::chrono::seconds m_window{60};
    RateHistory::TimePoint m_lastTime{};
    QStringList m_interfaceNames;
};

// A panel's bold title, as the dashboard's panels use it.
QLabel* dashboardSectionTitle(const QString& text, QWidget* parent);

}  // namespace netmon::gui
