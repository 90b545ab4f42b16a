// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace netmon::gui {

// One key figure: a small title, the value in large type, and a caption under it.
class KpiCard : public QFrame {
    Q_OBJECT
public:
    explicit KpiCard(const QString& title, QWidget* parent = nullptr);

    void setValue(const QString& value);
    void setCaption(const QString& caption);
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString value() const;
    [[nodiscard]] QString caption() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void elide();

    QString m_fullValue;
    QString m_fullCaption;
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_caption;
};

}  // namespace netmon::gui
