// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/share_bar_delegate.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

#include "gui/widgets/chart_style.h"

namespace netmon::gui {

ShareBarDelegate::ShareBarDelegate(int role, QObject* parent)
    : QStyledItemDelegate(parent), m_role(role) {}

void ShareBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget != nullptr ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const double share = std::clamp(index.data(m_role).toDouble(), 0.0, 1.0);
    const QRectF track = QRectF(option.rect).adjusted(6, 7, -6, -7);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor trackColor = option.palette.color(QPalette::Mid);
    trackColor.setAlphaF(0.35f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, 3, 3);
    QRectF bar = track;
    bar.setWidth(std::max(track.width() * share, share > 0 ? 3.0 : 0.0));
    QColor barColor = chartColors(option.palette).download;
    barColor.setAlphaF(0.55f);
    painter->setBrush(barColor);
    painter->drawRoundedRect(bar, 3, 3);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(track.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight,
                      index.data(Qt::DisplayRole).toString());
    painter->restore();
}

}  // namespace netmon::gui
