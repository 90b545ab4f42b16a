// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

#include "core/config.h"

class QLineEdit;
class QVBoxLayout;

namespace netmon::gui {

class FieldRefusal;

// "Sampling and history": the sampling interval, how long history is kept, and how many hosts
// and processes get rows of their own. Each field is checked as it is typed and refused in
// place with the reason.
class SamplingGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit SamplingGroup(QWidget* parent = nullptr);

    void setConfig(const Config& config);
    // Puts the fields into `config`; false when one of them is refused.
    [[nodiscard]] bool applyTo(Config& config) const;

    [[nodiscard]] QLineEdit* intervalEdit() const { return m_interval; }
    [[nodiscard]] QLineEdit* retentionEdit() const { return m_retention; }
    [[nodiscard]] QLineEdit* historyTopNEdit() const { return m_historyTopN; }

Q_SIGNALS:
    void edited();

private:
    FieldRefusal* addField(QVBoxLayout* layout, const QString& label, const QString& help);
    void validate();

    FieldRefusal* m_intervalRefusal;
    FieldRefusal* m_retentionRefusal;
    FieldRefusal* m_historyTopNRefusal;
    QLineEdit* m_interval;
    QLineEdit* m_retention;
    QLineEdit* m_historyTopN;
};

}  // namespace netmon::gui
