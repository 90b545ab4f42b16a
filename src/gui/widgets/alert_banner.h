// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <vector>

#include "gui/types/alert.h"

class QVBoxLayout;

namespace netmon::gui {

// A strip across the top of the window with one line per alert: its text, an optional action
// button, and a close button. Hidden when there is nothing to say.
class AlertBanner : public QFrame {
    Q_OBJECT
public:
    explicit AlertBanner(QWidget* parent = nullptr);

    void setAlerts(const std::vector<Alert>& alerts);
    [[nodiscard]] const std::vector<Alert>& alerts() const { return m_alerts; }

Q_SIGNALS:
    void actionTriggered(netmon::gui::Alert::Action action);
    void dismissed(const QString& key);

private:
    QWidget* makeRow(const Alert& alert);

    QVBoxLayout* m_layout;
    std::vector<Alert> m_alerts;
};

}  // namespace netmon::gui
