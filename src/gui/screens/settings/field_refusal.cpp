// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/field_refusal.h"

#include <QLineEdit>
#include <QStyle>

namespace netmon::gui {

FieldRefusal::FieldRefusal(QLineEdit* field, QWidget* parent) : QLabel(parent), m_field(field) {
    setProperty("error", true);
    setWordWrap(true);
    setVisible(false);
}

void FieldRefusal::setReason(const QString* reason) {
    setText(reason != nullptr ? *reason : QString());
    setVisible(reason != nullptr);
    const bool invalid = reason != nullptr;
    if (m_field->property("invalid").toBool() != invalid) {
        m_field->setProperty("invalid", invalid);
        // The style sheet's [invalid="true"] frame applies only once the field is re-polished.
        m_field->style()->unpolish(m_field);
        m_field->style()->polish(m_field);
    }
}

QString FieldRefusal::reason() const {
    return isHidden() ? QString() : text();
}

}  // namespace netmon::gui
