// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <optional>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/permission_report.h"

class QButtonGroup;
class QLabel;

namespace netmon::gui {

// "Capture mode": auto, basic or deep; which mode is in use and why; and what deep mode would
// need on this machine (the permissions probe's checks, with the fix for each one missing).
class CaptureModeGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit CaptureModeGroup(QWidget* parent = nullptr);

    void setConfig(const Config& config);
    void applyTo(Config& config) const;
    void setPermissionReport(const PermissionReport& report);
    void setModeDecision(const ModeDecision& decision);
    [[nodiscard]] QString modeText() const;

Q_SIGNALS:
    void edited();

private:
    [[nodiscard]] CaptureMode selected() const;
    void refreshModeText();

    QButtonGroup* m_mode;
    QLabel* m_modeText = nullptr;
    QLabel* m_checks = nullptr;
    PermissionReport m_report;
    bool m_haveReport = false;
    std::optional<ModeDecision> m_decision;
};

}  // namespace netmon::gui
