// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard_screen.h"

#include <QBoxLayout>
#include <QResizeEvent>
#include <QScrollArea>

#include "gui/models/host_list_model.h"
#include "gui/screens/dashboard/dashboard_header.h"
#include "gui/screens/dashboard/rate_chart_panel.h"
#include "gui/screens/dashboard/top_hosts_panel.h"
#include "gui/types/history_opened.h"
#include "gui/types/qt_text.h"
#include "gui/widgets/rate_chart.h"

namespace netmon::gui {
namespace {

constexpr int kChartPoints = 300;
constexpr int kSideBySideWidth = 1000;

bool historyOff(HistoryHealth::State state) {
    return state == HistoryHealth::State::Disabled ||
           state == HistoryHealth::State::RecordedElsewhere;
}

}  // namespace

DashboardScreen::DashboardScreen(QWidget* parent)
    : QWidget(parent),
      m_kpis(new DashboardKpis(this)),
      m_ratePanel(new RateChartPanel(this)),
      m_hosts(new HostListModel(this)),
      m_interface(DashboardHeader::kAllInterfaces) {
    setObjectName(QStringLiteral("screen"));
    m_hostsPanel = new TopHostsPanel(m_hosts, this);
    m_body = new QBoxLayout(QBoxLayout::LeftToRight);
    m_body->setSpacing(12);
    m_body->addWidget(m_ratePanel, 3);
    m_body->addWidget(m_hostsPanel, 2);

    m_header = new DashboardHeader(m_window, this);
    connect(m_header, &DashboardHeader::windowChosen, this, &DashboardScreen::setWindow);
    connect(m_header, &DashboardHeader::interfaceChosen, this, &DashboardScreen::setInterface);

    // Everything scrolls as one page when the window is too short for it, rather than squeezing
    // the chart and the hosts to nothing.
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("screen"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    layout->addWidget(m_kpis);
    layout->addLayout(m_body, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void DashboardScreen::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_body->setDirection(event->size().width() >= kSideBySideWidth ? QBoxLayout::LeftToRight
                                                                   : QBoxLayout::TopToBottom);
}

RateChart* DashboardScreen::chart() const {
    return m_ratePanel->chart();
}

bool DashboardScreen::included(const std::string& name) const {
    if (m_interface == DashboardHeader::kAllInterfaces) {
        return m_virtual.count(name) == 0;
    }
    return toQString(name) == m_interface;
}

void DashboardScreen::setHistoryHealth(const HistoryHealth& health) {
    m_writerGeneration = health.writerGeneration;
    if (historyOff(health.state) && !historyOff(m_historyState)) {
        m_today.clearBaseline();
    }
    m_historyState = health.state;
}

void DashboardScreen::useServiceTotals() {
    m_today.logTicks();
}

void DashboardScreen::setHistoryOpened(const HistoryOpened& opened) {
    if (opened.service) {
        if (opened.ok) {  // else the last baseline and this session's ticks stay
            m_today.setServiceBaseline(opened.generation, opened.usage, opened.usageTime,
                                       opened.coveredUntil);
        }
        return;
    }
    if (opened.ok) {
        m_today.setBaseline(opened.generation, opened.usage, opened.usageTime);
    } else {
        m_today.clearBaseline();
    }
}

void DashboardScreen::showSnapshot(const Snapshot& snapshot) {
    double allRx = 0;
    double allTx = 0;
    bool anyTraffic = false;
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (stat.isVirtual) {
            m_virtual.insert(stat.name);
        }
        if (!stat.traffic) {
            continue;
        }
        m_rates.add(toQString(stat.name), snapshot.wallTime, stat.traffic->rxBitsPerSecond,
                    stat.traffic->txBitsPerSecond);
        if (!stat.isVirtual) {
            allRx += stat.traffic->rxBitsPerSecond;
            allTx += stat.traffic->txBitsPerSecond;
            anyTraffic = true;
        }
    }
    if (anyTraffic) {
        m_rates.add(DashboardHeader::kAllInterfaces, snapshot.wallTime, allRx, allTx);
    }
    m_today.add(snapshot, m_writerGeneration);
    m_lastTime = snapshot.wallTime;
    m_hosts->update(snapshot.hosts, kTopHosts, toQString(snapshot.visibility.note));
    updateInterfaceChoices(snapshot);

    const auto include = [this](const std::string& name) { return included(name); };
    m_kpis->showRates(snapshot, include,
                      m_rates.points(m_interface, snapshot.wallTime - m_window, kChartPoints));
    m_kpis->showToday(m_today.totals(include), m_historyState);
    m_kpis->showConnections(snapshot);
    m_kpis->showTopHost(*m_hosts, snapshot.visibility);
    m_hostsPanel->refresh(snapshot.visibility);
    redrawChart();
}

void DashboardScreen::updateInterfaceChoices(const Snapshot& snapshot) {
    QStringList physical;
    QStringList virtuals;
    for (const InterfaceStat& stat : snapshot.interfaces) {
        (stat.isVirtual ? virtuals : physical) << toQString(stat.name);
    }
    m_header->setInterfaceNames(physical + virtuals);
}

void DashboardScreen::setWindow(std::chrono::seconds window) {
    m_window = window;
    m_header->setWindow(window);
    redrawChart();
}

void DashboardScreen::setInterface(const QString& name) {
    m_interface = name;
    m_header->setInterface(name);
    redrawChart();
}

void DashboardScreen::redrawChart() {
    const double endMs = static_cast<double>(
        std::chrono::duration_cast<std::chrono::milliseconds>(m_lastTime.time_since_epoch())
            .count());
    const RateHistory::Points points =
        m_rates.points(m_interface, m_lastTime - m_window, kChartPoints);
    m_ratePanel->chart()->setData(points.download, points.upload, points.peak, endMs,
                                  static_cast<double>(m_window.count()) * 1000.0);
}

}  // namespace netmon::gui
