// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/kpi_card.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/types/shown_text.h"

namespace netmon::gui {

KpiCard::KpiCard(const QString& title, QWidget* parent)
    : QFrame(parent),
      m_fullValue(QStringLiteral("—")),
      m_title(new QLabel(title, this)),
      m_value(new QLabel(m_fullValue, this)),
      m_caption(new QLabel(this)) {
    setObjectName(QStringLiteral("kpiCard"));
    m_title->setObjectName(QStringLiteral("kpiTitle"));
    m_value->setObjectName(QStringLiteral("kpiValue"));
    m_caption->setObjectName(QStringLiteral("kpiCaption"));
    // The top host's name comes from a PTR record anyone's name server may answer: shown as
    // text, never as markup.
    for (QLabel* label : {m_title, m_value, m_caption}) {
        label->setTextFormat(Qt::PlainText);
    }
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long host names elide rather than widen the card; the full text is in the tooltip.
    m_value->setMinimumWidth(1);
    m_caption->setMinimumWidth(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void KpiCard::setValue(const QString& value) {
    if (value == m_fullValue) {
        return;
    }
    m_fullValue = value;
    m_value->setToolTip(plainToolTip(value));
    elide();
}

void KpiCard::setCaption(const QString& caption) {
    if (caption == m_fullCaption) {
        return;
    }
    m_fullCaption = caption;
    m_caption->setToolTip(plainToolTip(caption));
    elide();
}

void KpiCard::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    elide();
}

void KpiCard::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        elide();
    }
}

// Long host names are shortened with an ellipsis instead of widening the card.
void KpiCard::elide() {
    const int width = std::max(1, contentsRect().width() - 32);
    m_value->setText(m_value->fontMetrics().elidedText(m_fullValue, Qt::ElideMiddle, width));
    m_caption->setText(m_caption->fontMetrics().elidedText(m_fullCaption, Qt::ElideRight, width));
}

QString KpiCard::title() const {
    return m_title->text();
}

QString KpiCard::value() const {
    return m_fullValue;
}

QString KpiCard::caption() const {
    return m_fullCaption;
}

}  // namespace netmon::gui
