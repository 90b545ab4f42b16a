// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

namespace netmon::gui {

class RateChart;

// The dashboard's "Download and upload" panel: the live rate chart under its title.
class RateChartPanel : public QFrame {
    Q_OBJECT
public:
    explicit RateChartPanel(QWidget* parent = nullptr);

    [[nodiscard]] RateChart* chart() const { return m_chart; }

private:
    RateChart* m_chart;
};

}  // namespace netmon::gui
