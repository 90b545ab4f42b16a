// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/model/snapshot.h"
#include "core/permissions.h"
#include "gui/theme/theme.h"
#include "gui/types/core_metatypes.h"
#include "gui/types/history_health.h"

class QBoxLayout;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace netmon::gui {

// Sampling interval, retention, capture mode (with what this machine allows and why), privacy,
// monitored interfaces, database location, and the app's look. Each field is checked as it is
// typed and refused in place with the reason; Apply hands a valid Config to the app, which
// applies it without a restart and saves it.
class SettingsScreen : public QWidget {
    Q_OBJECT
public:
    explicit SettingsScreen(QWidget* parent = nullptr);

    void setConfig(const Config& config, const QString& configPath);
    void setDefaultDatabasePath(const QString& path);
    void setPermissionReport(const PermissionReport& report);
    void setModeDecision(const ModeDecision& decision);
    void setHistoryHealth(const HistoryHealth& health);
    void showSnapshot(const Snapshot& snapshot);  // learns the interfaces there are
    void setSaveResult(const QString& error);
    void setAppearance(ThemeName theme, bool closeToTray, bool trayAvailable);

    // Field access for tests and for the alert banner's "How to enable deep mode".
    [[nodiscard]] QLineEdit* intervalEdit() const { return m_interval; }
    [[nodiscard]] QLineEdit* retentionEdit() const { return m_retention; }
    [[nodiscard]] QLineEdit* historyTopNEdit() const { return m_historyTopN; }
    [[nodiscard]] QLineEdit* databaseEdit() const { return m_database; }
    [[nodiscard]] QPushButton* applyButton() const { return m_apply; }
    [[nodiscard]] QString errorText(QLineEdit* field) const;
    [[nodiscard]] QString modeText() const;
    [[nodiscard]] QString saveStatusText() const;
    [[nodiscard]] bool isValid() const;
    // The settings as shown, when every field is valid.
    [[nodiscard]] std::optional<Config> editedConfig() const;
    void setAllInterfaces(bool all);
    void setInterfaceChecked(const QString& name, bool checked);
    void apply();
    void revert();

protected:
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    void configApplied(const netmon::Config& config);
    void themeChanged(netmon::gui::ThemeName theme);
    void closeToTrayChanged(bool enabled);

private:
    QWidget* makeSamplingGroup();
    QWidget* makeModeGroup();
    QWidget* makePrivacyGroup();
    QWidget* makeInterfacesGroup();
    QWidget* makeStorageGroup();
    QWidget* makeAppearanceGroup();
    QLineEdit* addField(QVBoxLayout* layout, const QString& label, const QString& help);
    void validate();
    void showError(QLineEdit* field, const QString* error);
    void refreshModeText();
    void refreshDatabaseStatus();
    void addInterfaceItem(const QString& name, bool checked);

    Config m_applied;
    QString m_configPath;
    QString m_defaultDatabase;
    HistoryHealth m_health;
    QBoxLayout* m_columns = nullptr;
    PermissionReport m_report;
    std::optional<ModeDecision> m_decision;
    bool m_haveReport = false;
    std::set<std::string> m_knownInterfaces;

    QLineEdit* m_interval = nullptr;
    QLineEdit* m_retention = nullptr;
    QLineEdit* m_historyTopN = nullptr;
    QButtonGroup* m_mode = nullptr;
    QLabel* m_modeText = nullptr;
    QLabel* m_checks = nullptr;
    QCheckBox* m_resolveNames = nullptr;
    QCheckBox* m_maskAddresses = nullptr;
    QCheckBox* m_storeHosts = nullptr;
    QCheckBox* m_allInterfaces = nullptr;
    QListWidget* m_interfaces = nullptr;
    QLabel* m_interfacesError = nullptr;
    QLineEdit* m_database = nullptr;
    QLabel* m_databaseStatus = nullptr;
    QComboBox* m_theme = nullptr;
    QCheckBox* m_closeToTray = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_saveStatus = nullptr;
    std::map<const QLineEdit*, QLabel*> m_errors;  // each field's refusal, under it
};

}  // namespace netmon::gui
