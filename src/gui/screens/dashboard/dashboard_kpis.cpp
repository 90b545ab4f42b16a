// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard/dashboard_kpis.h"

#include <QLocale>
#include <QPointF>
#include <algorithm>

#include "gui/models/host_list_model.h"
#include "gui/types/qt_text.h"
#include "gui/widgets/kpi_card.h"

namespace netmon::gui {

DashboardKpis::DashboardKpis(QWidget* parent) : KpiGrid(parent) {
    const QString titles[KpiCount] = {tr("Download"),   tr("Upload"),      tr("Received today"),
                                      tr("Sent today"), tr("Connections"), tr("Top remote host")};
    for (int kpi = 0; kpi < KpiCount; ++kpi) {
        m_cards[kpi] = new KpiCard(titles[kpi].toUpper(), this);
        addCard(m_cards[kpi]);
    }
}

void DashboardKpis::showRates(const Snapshot& snapshot, const TodayTotals::Include& included,
                              const RateHistory::Points& window) {
    double rx = 0;
    double tx = 0;
    bool measured = false;
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (stat.traffic && included(stat.name)) {
            rx += stat.traffic->rxBitsPerSecond;
            tx += stat.traffic->txBitsPerSecond;
            measured = true;
        }
    }
    m_cards[Download]->setValue(measured ? bitRateText(rx) : QStringLiteral("—"));
    m_cards[Upload]->setValue(measured ? bitRateText(tx) : QStringLiteral("—"));
    double peakRx = 0;
    double peakTx = 0;
    for (const QPointF& point : window.download) {
        peakRx = std::max(peakRx, point.y());
    }
    for (const QPointF& point : window.upload) {
        peakTx = std::max(peakTx, point.y());
    }
    // The scope (all interfaces or one) is the header's choice; captions stay short.
    m_cards[Download]->setCaption(measured ? tr("peak %1").arg(bitRateText(peakRx))
                                           : tr("measuring…"));
    m_cards[Upload]->setCaption(measured ? tr("peak %1").arg(bitRateText(peakTx))
                                         : tr("measuring…"));
}

void DashboardKpis::showToday(const TodayTotals::Totals& today, HistoryHealth::State history) {
    m_cards[ReceivedToday]->setValue(bytesText(today.rxBytes));
    m_cards[SentToday]->setValue(bytesText(today.txBytes));
    const QString caption = !today.sessionOnly ? tr("since midnight")
                            : history == HistoryHealth::State::RecordedElsewhere
                                ? tr("this session only: another program records history")
                            : history == HistoryHealth::State::Disabled
                                ? tr("this session only: history is off")
                                : tr("this session (reading history…)");
    m_cards[ReceivedToday]->setCaption(caption);
    m_cards[SentToday]->setCaption(caption);
}

void DashboardKpis::showConnections(const Snapshot& snapshot) {
    if (!snapshot.visibility.flows) {
        m_cards[Connections]->setValue(QStringLiteral("—"));
        m_cards[Connections]->setCaption(tr("not available in this mode"));
        return;
    }
    const auto active = std::count_if(snapshot.flows.begin(), snapshot.flows.end(),
                                      [](const FlowStat& flow) { return isActive(flow); });
    const auto listening = std::count_if(snapshot.flows.begin(), snapshot.flows.end(),
                                         [](const FlowStat& flow) { return flow.listening; });
    const auto processes = snapshot.processes.size();
    m_cards[Connections]->setValue(QLocale().toString(static_cast<qlonglong>(active)));
    m_cards[Connections]->setCaption(tr("%1 listening · %2 %3")
                                         .arg(QLocale().toString(static_cast<qlonglong>(listening)))
                                         .arg(processes)
                                         .arg(processes == 1 ? tr("process") : tr("processes")));
}

void DashboardKpis::showTopHost(const HostListModel& hosts, const Visibility& visibility) {
    KpiCard* card = m_cards[TopHost];
    card->setToolTip({});
    if (hosts.rowCount() == 0) {
        card->setValue(QStringLiteral("—"));
        card->setCaption(visibility.flows ? tr("no remote traffic yet")
                                          : tr("not available in this mode"));
    } else if (const auto& top = hosts.topHost()) {
        card->setValue(hostDisplayName(top->host));
        card->setCaption(
            tr("%1 of traffic · %2").arg(hostShareText(*top), hostTrafficText(top->host)));
        if (!top->host.bytesComplete) {
            card->setToolTip(tr("Only some of this host's flows have byte counts: the figures "
                                "are of the counted bytes.\n%1")
                                 .arg(toQString(visibility.note)));
        }
    } else {
        // Hosts, but none with a known total: no host is crowned with "0 B".
        card->setValue(QStringLiteral("—"));
        card->setCaption(tr("no byte counts for these hosts"));
        card->setToolTip(toQString(visibility.note));
    }
}

}  // namespace netmon::gui
