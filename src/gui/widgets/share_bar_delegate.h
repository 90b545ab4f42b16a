// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace netmon::gui {

// Draws a horizontal bar for a share (0..1, stored under `role`) with its percentage on it.
class ShareBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ShareBarDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    int m_role;
};

}  // namespace netmon::gui
