// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <filesystem>

#include "core/config.h"
#include "gui/types/history_health.h"

class QLabel;
class QLineEdit;

namespace netmon::gui {

class FieldRefusal;

// "History database": where it is (empty: the default; a full path to a file otherwise, checked
// as it is typed) and how recording there is going.
class HistoryDatabaseGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit HistoryDatabaseGroup(QWidget* parent = nullptr);

    // Shows the settings' path, which is also the one in use until another is applied.
    void setConfig(const Config& config);
    // Puts the path into `config`; false when it is refused.
    [[nodiscard]] bool applyTo(Config& config) const;
    void setAppliedPath(const std::filesystem::path& path);  // empty: the default
    void setDefaultPath(const QString& path);
    void setHistoryHealth(const HistoryHealth& health);

    [[nodiscard]] QLineEdit* pathEdit() const { return m_path; }

Q_SIGNALS:
    void edited();

private:
    void browse();
    void validate();
    void refreshStatus();

    QLineEdit* m_path;
    FieldRefusal* m_refusal;
    QLabel* m_status;
    std::filesystem::path m_applied;
    QString m_default;
    HistoryHealth m_health;
};

}  // namespace netmon::gui
