// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard_screen.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <algorithm>

#include "gui/models/host_list_model.h"
#include "gui/types/history_opened.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"
#include "gui/widgets/kpi_card.h"
#include "gui/widgets/kpi_grid.h"
#include "gui/widgets/rate_chart.h"
#include "gui/widgets/share_bar_delegate.h"

namespace netmon::gui {
namespace {

constexpr int kChartPoints = 300;
constexpr int kSideBySideWidth = 1000;

}  // namespace

QLabel* dashboardSectionTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    return label;
}

DashboardScreen::DashboardScreen(QWidget* parent)
    : QWidget(parent),
      m_grid(new KpiGrid(this)),
      m_chart(new RateChart(this)),
      m_hosts(new HostListModel(this)) {
    setObjectName(QStringLiteral("screen"));
    const QString titles[KpiCount] = {tr("Download"),   tr("Upload"),      tr("Received today"),
                                      tr("Sent today"), tr("Connections"), tr("Top remote host")};
    for (int kpi = 0; kpi < KpiCount; ++kpi) {
        m_cards[kpi] = new KpiCard(titles[kpi].toUpper(), m_grid);
        m_grid->addCard(m_cards[kpi]);
    }

    auto* chartPanel = new QFrame(this);
    chartPanel->setObjectName(QStringLiteral("panel"));
    auto* chartLayout = new QVBoxLayout(chartPanel);
    chartLayout->setContentsMargins(12, 10, 12, 8);
    chartLayout->addWidget(dashboardSectionTitle(tr("Download and upload"), chartPanel));
    chartLayout->addWidget(m_chart, 1);

    m_body = new QBoxLayout(QBoxLayout::LeftToRight);
    m_body->setSpacing(12);
    m_body->addWidget(chartPanel, 3);
    m_body->addWidget(makeHostsPanel(), 2);

    // Everything scrolls as one page when the window is too short for it, rather than squeezing
    // the chart and the hosts to nothing.
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("screen"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(makeHeader());
    layout->addWidget(m_grid);
    layout->addLayout(m_body, 1);
    chartPanel->setMinimumHeight(260);
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

bool DashboardScreen::included(const std::string& name) const {
    if (m_interface == kAllInterfaces) {
        return m_virtual.count(name) == 0;
    }
    return toQString(name) == m_interface;
}

void DashboardScreen::setHistoryHealth(const HistoryHealth& health) {
    m_writerGeneration = health.writerGeneration;
    const bool off = health.state == HistoryHealth::State::Disabled ||
                     health.state == HistoryHealth::State::RecordedElsewhere;
    if (off && !m_historyOff) {
        m_today.clearBaseline();
    }
    m_historyOff = off;
    m_recordedElsewhere = health.state == HistoryHealth::State::RecordedElsewhere;
}

void DashboardScreen::setHistoryOpened(const HistoryOpened& opened) {
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
        m_rates.add(kAllInterfaces, snapshot.wallTime, allRx, allTx);
    }
    m_today.add(snapshot, m_writerGeneration);
    m_lastTime = snapshot.wallTime;
    m_hosts->update(snapshot.hosts, kTopHosts, toQString(snapshot.visibility.note));
    updateInterfaceChoices(snapshot);
    updateKpis(snapshot);
    m_hostStack->setCurrentWidget(m_hosts->rowCount() > 0 ? static_cast<QWidget*>(m_hostTable)
                                                          : m_hostEmpty);
    if (m_hosts->rowCount() == 0) {
        m_hostEmpty->setText(snapshot.visibility.flows
                                 ? tr("No traffic with remote hosts yet.")
                                 : tr("Remote hosts are not available in this mode.\n%1")
                                       .arg(toQString(snapshot.visibility.note)));
    }
    redrawChart();
}

void DashboardScreen::updateInterfaceChoices(const Snapshot& snapshot) {
    QStringList physical;
    QStringList virtuals;
    for (const InterfaceStat& stat : snapshot.interfaces) {
        (stat.isVirtual ? virtuals : physical) << toQString(stat.name);
    }
    const QStringList names = physical + virtuals;
    if (names == m_interfaceNames) {
        return;
    }
    m_interfaceNames = names;
    const QString current = m_interface;
    while (m_interfaceBox->count() > 1) {
        m_interfaceBox->removeItem(1);
    }
    for (const QString& name : names) {
        m_interfaceBox->addItem(shownText(toStdString(name)), name);  // shown escaped, kept as is
    }
    const int index = m_interfaceBox->findData(current);
    m_interfaceBox->setCurrentIndex(std::max(0, index));
}

void DashboardScreen::updateKpis(const Snapshot& snapshot) {
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
    const auto since = snapshot.wallTime - m_window;
    const RateHistory::Points window = m_rates.points(m_interface, since, kChartPoints);
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

    const TodayTotals::Totals today =
        m_today.totals([this](const std::string& name) { return included(name); });
    m_cards[ReceivedToday]->setValue(bytesText(today.rxBytes));
    m_cards[SentToday]->setValue(bytesText(today.txBytes));
    const QString todayCaption = !today.sessionOnly ? tr("since midnight")
                                 : m_recordedElsewhere
                                     ? tr("this session only: another program records history")
                                 : m_historyOff ? tr("this session only: history is off")
                                                : tr("this session (reading history…)");
    m_cards[ReceivedToday]->setCaption(todayCaption);
    m_cards[SentToday]->setCaption(todayCaption);

    if (!snapshot.visibility.flows) {
        m_cards[Connections]->setValue(QStringLiteral("—"));
        m_cards[Connections]->setCaption(tr("not available in this mode"));
    } else {
        const auto active = std::count_if(snapshot.flows.begin(), snapshot.flows.end(),
                                          [](const FlowStat& flow) { return isActive(flow); });
        const auto listening = std::count_if(snapshot.flows.begin(), snapshot.flows.end(),
                                             [](const FlowStat& flow) { return flow.listening; });
        const auto processes = snapshot.processes.size();
        m_cards[Connections]->setValue(QLocale().toString(static_cast<qlonglong>(active)));
        m_cards[Connections]->setCaption(
            tr("%1 listening · %2 %3")
                .arg(QLocale().toString(static_cast<qlonglong>(listening)))
                .arg(processes)
                .arg(processes == 1 ? tr("process") : tr("processes")));
    }

    KpiCard* topCard = m_cards[TopHost];
    topCard->setToolTip({});
    if (m_hosts->rowCount() == 0) {
        topCard->setValue(QStringLiteral("—"));
        topCard->setCaption(snapshot.visibility.flows ? tr("no remote traffic yet")
                                                      : tr("not available in this mode"));
    } else if (const auto& top = m_hosts->topHost()) {
        topCard->setValue(hostDisplayName(top->host));
        topCard->setCaption(
            tr("%1 of traffic · %2").arg(hostShareText(*top), hostTrafficText(top->host)));
        if (!top->host.bytesComplete) {
            topCard->setToolTip(tr("Only some of this host's flows have byte counts: the figures "
                                   "are of the counted bytes.\n%1")
                                    .arg(toQString(snapshot.visibility.note)));
        }
    } else {
        // Hosts, but none with a known total: no host is crowned with "0 B".
        topCard->setValue(QStringLiteral("—"));
        topCard->setCaption(tr("no byte counts for these hosts"));
        topCard->setToolTip(toQString(snapshot.visibility.note));
    }
}

void DashboardScreen::setWindow(std::chrono::seconds window) {
    m_window = window;
    if (QAbstractButton* button = m_windowButtons->button(static_cast<int>(window.count()))) {
        button->setChecked(true);
    }
    redrawChart();
}

void DashboardScreen::setInterface(const QString& name) {
    m_interface = name;
    const int index = m_interfaceBox->findData(name);
    if (index >= 0) {
        m_interfaceBox->setCurrentIndex(index);
    }
    redrawChart();
}

void DashboardScreen::redrawChart() {
    const double endMs = static_cast<double>(
        std::chrono::duration_cast<std::chrono::milliseconds>(m_lastTime.time_since_epoch())
            .count());
    const RateHistory::Points points =
        m_rates.points(m_interface, m_lastTime - m_window, kChartPoints);
    m_chart->setData(points.download, points.upload, points.peak, endMs,
                     static_cast<double>(m_window.count()) * 1000.0);
}

}  // namespace netmon::gui
