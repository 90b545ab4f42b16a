// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <optional>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/permission_report.h"
#include "gui/types/data_source.h"

class QButtonGroup;
class QLabel;

namespace netmon::gui {

// "Capture mode": auto, basic or deep; which mode is in use and why; and what deep mode would
// need on this machine (the permissions probe's checks, and how to get the service, which has
// it without running this app as root). With the service, the service's mode and why.
class CaptureModeGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit CaptureModeGroup(QWidget* parent = nullptr);

    void setConfig(const Config& config);
    void applyTo(Config& config) const;
    void setPermissionReport(const PermissionReport& report);
    void setModeDecision(const ModeDecision& decision);
    void setDataSource(const DataSource& source);
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
    DataSource m_source;
};

}  // namespace netmon::gui
