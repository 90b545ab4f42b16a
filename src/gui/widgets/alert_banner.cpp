// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/widgets/alert_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

QString levelName(Alert::Level level) {
    switch (level) {
        case Alert::Level::Error:
            return QStringLiteral("error");
        case Alert::Level::Warning:
            return QStringLiteral("warning");
        case Alert::Level::Info:
            break;
    }
    return QStringLiteral("info");
}

QString levelSymbol(Alert::Level level) {
    switch (level) {
        case Alert::Level::Error:
            return QStringLiteral("✖");
        case Alert::Level::Warning:
            return QStringLiteral("⚠");
        case Alert::Level::Info:
            break;
    }
    return QStringLiteral("ℹ");
}

// A word-wrapped label that takes exactly the height its text needs at its current width (box
// layouts otherwise guess from a narrower width and leave a tall gap, or clip the last line).
class FittedLabel : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent* event) override {
        QLabel::resizeEvent(event);
        const int height = heightForWidth(event->size().width());
        if (height > 0 && height != minimumHeight()) {
            setFixedHeight(height);
        }
    }
};

}  // namespace

AlertBanner::AlertBanner(QWidget* parent) : QFrame(parent), m_layout(new QVBoxLayout(this)) {
    setObjectName(QStringLiteral("alertBanner"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    setVisible(false);
}

void AlertBanner::setAlerts(const std::vector<Alert>& alerts) {
    if (alerts == m_alerts) {
        return;
    }
    m_alerts = alerts;
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        // Later: the click that dismissed an alert may still be running in its button.
        if (QWidget* widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    for (const Alert& alert : m_alerts) {
        m_layout->addWidget(makeRow(alert));
    }
    setVisible(!m_alerts.empty());
}

QWidget* AlertBanner::makeRow(const Alert& alert) {
    auto* row = new QFrame(this);
    row->setObjectName(QStringLiteral("alertRow"));
    row->setProperty("level", levelName(alert.level));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(14, 6, 8, 6);
    layout->setSpacing(10);

    auto* symbol = new QLabel(levelSymbol(alert.level), row);
    symbol->setObjectName(QStringLiteral("alertSymbol"));
    auto* text = new FittedLabel(alert.text, row);
    // Alerts quote interface names, paths and the system's messages: plain text, never markup.
    text->setTextFormat(Qt::PlainText);
    text->setToolTip(plainToolTip(alert.details));
    text->setObjectName(QStringLiteral("alertText"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(symbol, 0, Qt::AlignVCenter);
    layout->addWidget(text, 1);

    if (alert.action != Alert::Action::None && !alert.actionText.isEmpty()) {
        auto* action = new QPushButton(alert.actionText, row);
        action->setObjectName(QStringLiteral("alertAction"));
        action->setCursor(Qt::PointingHandCursor);
        connect(action, &QPushButton::clicked, this,
                [this, kind = alert.action] { Q_EMIT actionTriggered(kind); });
        layout->addWidget(action, 0, Qt::AlignVCenter);
    }
    auto* close = new QToolButton(row);
    close->setObjectName(QStringLiteral("alertClose"));
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Hide until it changes"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, [this, key = alert.key] { Q_EMIT dismissed(key); });
    layout->addWidget(close, 0, Qt::AlignVCenter);
    return row;
}

}  // namespace netmon::gui
