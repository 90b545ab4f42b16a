// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/kpi_grid.h"

#include <QGridLayout>
#include <QResizeEvent>

namespace netmon::gui {

KpiGrid::KpiGrid(QWidget* parent) : QWidget(parent), m_layout(new QGridLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void KpiGrid::addCard(QWidget* card) {
    m_cards.push_back(card);
    m_columns = 0;
    relayout(width());
}

void KpiGrid::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout(event->size().width());
}

void KpiGrid::relayout(int width) {
    const int count = static_cast<int>(m_cards.size());
    if (count == 0) {
        return;
    }
    // The widest column count that divides the cards evenly and leaves each card room.
    int columns = 1;
    for (int candidate = count; candidate >= 1; --candidate) {
        const int spacing = m_layout->spacing() * (candidate - 1);
        if (count % candidate == 0 && (width - spacing) / candidate >= kMinCardWidth) {
            columns = candidate;
            break;
        }
    }
    if (columns == m_columns) {
        return;
    }
    m_columns = columns;
    for (QWidget* card : m_cards) {
        m_layout->removeWidget(card);
    }
    for (int i = 0; i < count; ++i) {
        m_layout->addWidget(m_cards[static_cast<std::size_t>(i)], i / columns, i % columns);
    }
    for (int column = 0; column < count; ++column) {
        m_layout->setColumnStretch(column, column < columns ? 1 : 0);
    }
}

}  // namespace netmon::gui
