// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "core/model/snapshot.h"
#include "gui/models/rate_history.h"
#include "gui/models/today_totals.h"
#include "gui/screens/dashboard/dashboard_kpis.h"
#include "gui/types/history_health.h"

class QBoxLayout;

namespace netmon::gui {

class DashboardHeader;
class HostListModel;
class KpiCard;
class RateChart;
class RateChartPanel;
class TopHostsPanel;
struct HistoryOpened;

// The first screen: key figures, a live chart of download and upload, the top remote hosts.
// Keeps the rates and today's totals the panels show, for the interface and window chosen.
class DashboardScreen : public QWidget {
    Q_OBJECT
public:
    using Kpi = DashboardKpis::Kpi;
    using enum DashboardKpis::Kpi;
    static constexpr std::size_t kTopHosts = 8;

    explicit DashboardScreen(QWidget* parent = nullptr);

    void showSnapshot(const Snapshot& snapshot);
    void setHistoryHealth(const HistoryHealth& health);
    void setHistoryOpened(const HistoryOpened& opened);
    // Today's totals are the service's: call before its first tick.
    void useServiceTotals();

    [[nodiscard]] KpiCard* card(Kpi kpi) const { return m_kpis->card(kpi); }
    [[nodiscard]] RateChart* chart() const;
    [[nodiscard]] HostListModel* hostModel() const { return m_hosts; }
    void setWindow(std::chrono::seconds window);
    // DashboardHeader::kAllInterfaces for all physical ones.
    void setInterface(const QString& name);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateInterfaceChoices(const Snapshot& snapshot);
    void redrawChart();
    [[nodiscard]] bool included(const std::string& name) const;

    DashboardKpis* m_kpis;
    RateChartPanel* m_ratePanel;
    HostListModel* m_hosts;
    TopHostsPanel* m_hostsPanel = nullptr;
    DashboardHeader* m_header = nullptr;
    QBoxLayout* m_body = nullptr;

    RateHistory m_rates;
    TodayTotals m_today;
    std::uint64_t m_writerGeneration = 0;
    HistoryHealth::State m_historyState = HistoryHealth::State::Opening;
    std::set<std::string> m_virtual;  // interfaces seen as loopback or virtual
    QString m_interface;
    std::chrono::seconds m_window{60};
    RateHistory::TimePoint m_lastTime{};
};

}  // namespace netmon::gui
