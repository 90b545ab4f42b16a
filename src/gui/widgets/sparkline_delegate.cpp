// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/sparkline_delegate.h"

#include <QPainter>

#include "gui/widgets/chart_style.h"
#include "gui/widgets/sparkline.h"

namespace netmon::gui {

SparklineDelegate::SparklineDelegate(int role, QObject* parent)
    : QStyledItemDelegate(parent), m_role(role) {}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    QStyledItemDelegate::paint(painter, option, index);  // background and selection
    const auto values = index.data(m_role).value<QList<double>>();
    const QColor color = option.state & QStyle::State_Selected
                             ? option.palette.color(QPalette::HighlightedText)
                             : chartColors(option.palette).download;
    Sparkline::paint(*painter, QRectF(option.rect).adjusted(6, 5, -6, -5), values, color);
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 120));
    return size;
}

}  // namespace netmon::gui
