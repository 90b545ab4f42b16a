// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class QLineEdit;

namespace netmon::gui {

// Why what was typed into a field is refused, shown under the field, which is framed in red
// meanwhile; hidden while the field is accepted.
class FieldRefusal : public QLabel {
    Q_OBJECT
public:
    FieldRefusal(QLineEdit* field, QWidget* parent);

    void setReason(const QString* reason);  // nullptr: accepted
    [[nodiscard]] QString reason() const;   // empty while accepted
    [[nodiscard]] QLineEdit* field() const { return m_field; }

private:
    QLineEdit* m_field;
};

}  // namespace netmon::gui
