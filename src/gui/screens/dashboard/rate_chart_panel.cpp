// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard/rate_chart_panel.h"

#include <QLabel>
#include <QVBoxLayout>

#include "gui/screens/dashboard/section_title.h"
#include "gui/widgets/rate_chart.h"

namespace netmon::gui {

RateChartPanel::RateChartPanel(QWidget* parent) : QFrame(parent), m_chart(new RateChart(this)) {
    setObjectName(QStringLiteral("panel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(sectionTitle(tr("Download and upload"), this));
    layout->addWidget(m_chart, 1);
    setMinimumHeight(260);
}

}  // namespace netmon::gui
