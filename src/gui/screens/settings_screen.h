// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <optional>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/model/snapshot.h"
#include "core/permission_report.h"
#include "gui/theme/theme.h"
#include "gui/types/core_metatypes.h"
#include "gui/types/data_source.h"
#include "gui/types/history_health.h"

class QBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace netmon::gui {

class AppearanceGroup;
class CaptureModeGroup;
class HistoryDatabaseGroup;
class MonitoredInterfacesGroup;
class PrivacyGroup;
class SamplingGroup;

// Sampling interval, retention, capture mode (with what this machine allows and why), privacy,
// monitored interfaces, database location, and the app's look, one group each. Each field is
// checked as it is typed and refused in place with the reason; Apply hands a valid Config to the
// app, which applies it without a restart and saves it.
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
    void setStartAtLogin(bool available, bool enabled);
    void setStartAtLoginResult(bool enabled, const QString& error);
    // With the service, its settings are shown (they are the service's, for every user of the
    // machine): editable when it lets this user change them (DataSource::fullAccess; Apply then
    // emits configApplied for the service), else read-only. `serviceConfigPath`: its file.
    void setDataSource(const DataSource& source, const QString& serviceConfigPath);
    // What the service answered to the settings Apply sent it.
    void setServiceSaveResult(const QString& error, const QStringList& notes);
    // The service's settings as it sent them; `error`: they could not be read.
    void setServiceConfig(const Config& config, const QString& error);
    [[nodiscard]] QString serviceNoteText() const;
    [[nodiscard]] AppearanceGroup* appearance() const { return m_appearance; }

    // Field access for tests and for the alert banner's "How to enable deep mode".
    [[nodiscard]] QLineEdit* intervalEdit() const;
    [[nodiscard]] QLineEdit* retentionEdit() const;
    [[nodiscard]] QLineEdit* historyTopNEdit() const;
    [[nodiscard]] QLineEdit* databaseEdit() const;
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
    void startAtLoginChanged(bool enabled);

private:
    // Apply and Revert, and the line beside them, for the fields as they are now.
    void refreshApplyState();

    Config m_applied;
    QString m_configPath;
    QBoxLayout* m_columns = nullptr;
    SamplingGroup* m_sampling = nullptr;
    CaptureModeGroup* m_mode = nullptr;
    MonitoredInterfacesGroup* m_interfaces = nullptr;
    HistoryDatabaseGroup* m_database = nullptr;
    PrivacyGroup* m_privacy = nullptr;
    AppearanceGroup* m_appearance = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_saveStatus = nullptr;
    QLabel* m_serviceNote = nullptr;
    bool m_serviceOwned = false;
    bool m_serviceEditable = false;  // the service lets this user change its settings
};

}  // namespace netmon::gui
