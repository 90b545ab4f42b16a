// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/help_label.h"

#include <QLabel>

namespace netmon::gui {

QLabel* helpLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setProperty("muted", true);
    return label;
}

}  // namespace netmon::gui
