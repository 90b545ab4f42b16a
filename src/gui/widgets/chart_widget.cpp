// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/chart_widget.h"

#include <QApplication>
#include <QEvent>
#include <QMouseEvent>

#include "gui/widgets/chart_tooltip.h"

namespace netmon::gui {

ChartWidget::ChartWidget(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);  // hover without a pressed button
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

ChartStyle ChartWidget::themeStyle() {
    return chartStyle(QApplication::palette());
}

void ChartWidget::paintTooltip(QPainter& painter, const ChartTooltip& tooltip,
                               const ChartStyle& style) const {
    if (m_hover) {
        tooltip.paint(painter, *m_hover, QRectF(rect()), font(), style);
    }
}

void ChartWidget::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // A theme switch sets the application palette and style sheet: either event may come first.
    switch (event->type()) {
        case QEvent::PaletteChange:
        case QEvent::StyleChange:
        case QEvent::FontChange:
            update();
            break;
        default:
            break;
    }
}

void ChartWidget::mouseMoveEvent(QMouseEvent* event) {
    QWidget::mouseMoveEvent(event);
    m_hover = event->position();
    update();
}

void ChartWidget::leaveEvent(QEvent* event) {
    QWidget::leaveEvent(event);
    m_hover.reset();
    update();
}

void ChartWidget::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_hover.reset();  // shown again, it waits for the mouse to move over it
}

}  // namespace netmon::gui
