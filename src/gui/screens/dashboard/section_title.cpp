// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/dashboard/section_title.h"

#include <QLabel>

namespace netmon::gui {

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    return label;
}

}  // namespace netmon::gui
