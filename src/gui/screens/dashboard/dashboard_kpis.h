// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/snapshot.h"
#include "gui/models/rate_history.h"
#include "gui/models/today_totals.h"
#include "gui/types/history_health.h"
#include "gui/widgets/kpi_grid.h"

namespace netmon::gui {

class HostListModel;
class KpiCard;

// The dashboard's six key figures: download and upload now (with their peaks in the chart's
// window), received and sent today, active connections, and the top remote host.
class DashboardKpis : public KpiGrid {
    Q_OBJECT
public:
    enum Kpi { Download, Upload, ReceivedToday, SentToday, Connections, TopHost, KpiCount };

    explicit DashboardKpis(QWidget* parent = nullptr);

    [[nodiscard]] KpiCard* card(Kpi kpi) const { return m_cards[kpi]; }

    // `window`: the chosen interfaces' rates over the chart's time window.
    void showRates(const Snapshot& snapshot, const TodayTotals::Include& included,
                   const RateHistory::Points& window);
    // `history` says where the totals come from when they are this session's only.
    void showToday(const TodayTotals::Totals& today, HistoryHealth::State history);
    void showConnections(const Snapshot& snapshot);
    // After `hosts` was updated with the snapshot whose visibility this is.
    void showTopHost(const HostListModel& hosts, const Visibility& visibility);

private:
    KpiCard* m_cards[KpiCount] = {};
};

}  // namespace netmon::gui
