// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QWidget>
#include <optional>

#include "gui/widgets/chart_style.h"

class QPainter;

namespace netmon::gui {

struct ChartTooltip;

// What the painted charts share as widgets: the theme's colours (a palette or style change
// repaints them) and where the mouse points, for the hover marker and tooltip.
class ChartWidget : public QWidget {
    Q_OBJECT
public:
    explicit ChartWidget(QWidget* parent = nullptr);

    [[nodiscard]] std::optional<QPointF> hoverPosition() const { return m_hover; }

protected:
    // The theme's palette: the style sheet may have given this widget a palette of its own.
    [[nodiscard]] static ChartStyle themeStyle();
    // The tooltip beside the mouse, inside the widget.
    void paintTooltip(QPainter& painter, const ChartTooltip& tooltip,
                      const ChartStyle& style) const;

    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    std::optional<QPointF> m_hover;
};

}  // namespace netmon::gui
