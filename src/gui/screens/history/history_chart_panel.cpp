// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/history/history_chart_panel.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "gui/widgets/history_chart.h"

namespace netmon::gui {

HistoryChartPanel::HistoryChartPanel(QWidget* parent)
    : QFrame(parent),
      m_chart(new HistoryChart(this)),
      m_message(new QLabel(this)),
      m_stack(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("panel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("note"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    auto* messagePage = new QWidget(this);
    auto* messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch(1);
    messageLayout->addWidget(m_message);
    messageLayout->addStretch(2);
    m_stack->addWidget(m_chart);
    m_stack->addWidget(messagePage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_stack);
}

void HistoryChartPanel::showBuckets(const std::vector<HistoryBucket>& buckets, HistoryStep step) {
    m_chart->setBuckets(buckets, step);
    if (buckets.empty()) {
        showMessage(
            tr("No traffic recorded in this range yet.\nThe app records while it runs; "
               "`netmon record` records without it."));
        return;
    }
    m_stack->setCurrentIndex(0);
}

void HistoryChartPanel::showMessage(const QString& text) {
    m_message->setText(text);
    m_stack->setCurrentIndex(1);
}

}  // namespace netmon::gui
