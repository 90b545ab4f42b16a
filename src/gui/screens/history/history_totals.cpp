// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/history/history_totals.h"

#include <QHBoxLayout>
#include <chrono>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"
#include "gui/widgets/history_chart.h"
#include "gui/widgets/kpi_card.h"

namespace netmon::gui {

HistoryTotals::HistoryTotals(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    const QString names[kCount] = {tr("Received"), tr("Sent"), tr("Total")};
    for (int i = 0; i < kCount; ++i) {
        m_cards[i] = new KpiCard(names[i].toUpper(), this);
        layout->addWidget(m_cards[i]);
    }
}

void HistoryTotals::showResult(const HistoryResult& result) {
    m_cards[0]->setValue(bytesText(result.rxTotal));
    m_cards[1]->setValue(bytesText(result.txTotal));
    m_cards[2]->setValue(bytesText(result.rxTotal + result.txTotal));
    const HistoryBucket* busiest = nullptr;
    for (const HistoryBucket& bucket : result.buckets) {
        if (busiest == nullptr ||
            bucket.rxBytes + bucket.txBytes > busiest->rxBytes + busiest->txBytes) {
            busiest = &bucket;
        }
    }
    const QString busiestText =
        busiest == nullptr
            ? QString()
            : tr("busiest: %1 (%2)")
                  .arg(HistoryChart::bucketLabel(busiest->start, result.request.step, true),
                       bytesText(busiest->rxBytes + busiest->txBytes));
    const auto lastDay = result.request.until - std::chrono::seconds(1);
    m_cards[0]->setCaption(
        tr("%1 – %2").arg(HistoryChart::bucketLabel(result.request.since, HistoryStep::Day, false),
                          HistoryChart::bucketLabel(lastDay, HistoryStep::Day, false)));
    m_cards[1]->setCaption(result.request.interfaceName
                               ? shownText(*result.request.interfaceName)
                               : tr("all interfaces but loopback and virtual ones"));
    m_cards[2]->setCaption(busiestText);
}

}  // namespace netmon::gui
