// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings_screen.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>

#include "gui/screens/settings/appearance_group.h"
#include "gui/screens/settings/capture_mode_group.h"
#include "gui/screens/settings/field_refusal.h"
#include "gui/screens/settings/history_database_group.h"
#include "gui/screens/settings/monitored_interfaces_group.h"
#include "gui/screens/settings/privacy_group.h"
#include "gui/screens/settings/sampling_group.h"
#include "platform/local_socket.h"

namespace netmon::gui {
namespace {

constexpr int kTwoColumnWidth = 1000;

}  // namespace

SettingsScreen::SettingsScreen(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("screen"));
    auto* title = new QLabel(tr("Settings"), this);
    title->setObjectName(QStringLiteral("screenTitle"));

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("screen"));
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight, content);
    m_columns->setContentsMargins(0, 0, 8, 0);
    m_columns->setSpacing(16);
    auto* left = new QVBoxLayout;
    auto* right = new QVBoxLayout;
    left->setSpacing(12);
    right->setSpacing(12);
    m_columns->addLayout(left, 1);
    m_columns->addLayout(right, 1);
    m_sampling = new SamplingGroup(this);
    m_mode = new CaptureModeGroup(this);
    m_interfaces = new MonitoredInterfacesGroup(this);
    m_database = new HistoryDatabaseGroup(this);
    m_privacy = new PrivacyGroup(this);
    m_appearance = new AppearanceGroup(this);
    left->addWidget(m_sampling);
    left->addWidget(m_mode);
    left->addStretch(1);
    right->addWidget(m_interfaces);
    right->addWidget(m_database);
    right->addWidget(m_privacy);
    right->addWidget(m_appearance);
    right->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setProperty("primary", true);
    m_apply->setToolTip(tr("Apply now (no restart) and save to the settings file"));
    m_revert = new QPushButton(tr("Revert"), this);
    m_saveStatus = new QLabel(this);
    m_saveStatus->setTextFormat(Qt::PlainText);  // quotes the settings file's path
    m_saveStatus->setProperty("muted", true);
    m_saveStatus->setWordWrap(true);
    connect(m_apply, &QPushButton::clicked, this, &SettingsScreen::apply);
    connect(m_revert, &QPushButton::clicked, this, &SettingsScreen::revert);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveStatus, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    connect(m_sampling, &SamplingGroup::edited, this, &SettingsScreen::refreshApplyState);
    connect(m_mode, &CaptureModeGroup::edited, this, &SettingsScreen::refreshApplyState);
    connect(m_interfaces, &MonitoredInterfacesGroup::edited, this,
            &SettingsScreen::refreshApplyState);
    connect(m_database, &HistoryDatabaseGroup::edited, this, &SettingsScreen::refreshApplyState);
    connect(m_privacy, &PrivacyGroup::edited, this, &SettingsScreen::refreshApplyState);
    connect(m_appearance, &AppearanceGroup::themeChanged, this, &SettingsScreen::themeChanged);
    connect(m_appearance, &AppearanceGroup::closeToTrayChanged, this,
            &SettingsScreen::closeToTrayChanged);
    connect(m_appearance, &AppearanceGroup::startAtLoginChanged, this,
            &SettingsScreen::startAtLoginChanged);
    m_serviceNote = new QLabel(this);
    m_serviceNote->setObjectName(QStringLiteral("note"));
    m_serviceNote->setTextFormat(Qt::PlainText);  // quotes a path and an error
    m_serviceNote->setWordWrap(true);
    m_serviceNote->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(m_serviceNote);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    setConfig(Config{}, {});
}

void SettingsScreen::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_columns->setDirection(event->size().width() >= kTwoColumnWidth ? QBoxLayout::LeftToRight
                                                                     : QBoxLayout::TopToBottom);
}

void SettingsScreen::setConfig(const Config& config, const QString& configPath) {
    m_applied = config;
    m_configPath = configPath;
    m_sampling->setConfig(config);
    m_mode->setConfig(config);
    m_privacy->setConfig(config);
    m_interfaces->setConfig(config);
    m_database->setConfig(config);
    refreshApplyState();
}

void SettingsScreen::setDefaultDatabasePath(const QString& path) {
    m_database->setDefaultPath(path);
}

void SettingsScreen::setModeDecision(const ModeDecision& decision) {
    m_mode->setModeDecision(decision);
}

void SettingsScreen::setPermissionReport(const PermissionReport& report) {
    m_mode->setPermissionReport(report);
}

void SettingsScreen::setHistoryHealth(const HistoryHealth& health) {
    m_database->setHistoryHealth(health);
}

void SettingsScreen::showSnapshot(const Snapshot& snapshot) {
    m_interfaces->showSnapshot(snapshot);
}

void SettingsScreen::setAppearance(ThemeName theme, bool closeToTray, bool trayAvailable) {
    m_appearance->setAppearance(theme, closeToTray, trayAvailable);
}

void SettingsScreen::setStartAtLogin(bool available, bool enabled) {
    m_appearance->setStartAtLogin(available, enabled);
}

void SettingsScreen::setStartAtLoginResult(bool enabled, const QString& error) {
    m_appearance->setStartAtLoginResult(enabled, error);
}

void SettingsScreen::setDataSource(const DataSource& source, const QString& serviceConfigPath) {
    m_mode->setDataSource(source);
    m_serviceOwned = source.kind == DataSource::Kind::Service;
    // The service's settings are changed here by those it lets change them (members of its
    // group, administrators); the database is the service's own, never moved from here.
    m_serviceEditable = m_serviceOwned && source.fullAccess;
    const bool editable = !m_serviceOwned || m_serviceEditable;
    for (QWidget* group :
         std::initializer_list<QWidget*>{m_sampling, m_mode, m_interfaces, m_privacy}) {
        group->setEnabled(editable);
    }
    m_database->setEnabled(!m_serviceOwned);
    m_apply->setVisible(editable);
    m_revert->setVisible(editable);
    m_serviceNote->setVisible(m_serviceOwned);
    if (m_serviceEditable) {
        m_serviceNote->setText(
            tr("Sampling, capture mode, interfaces, history and privacy are the Network Monitor "
               "service's settings: it monitors and records for every user of this machine. You "
               "may change them: Apply sends them to the service, which saves them in %1 and "
               "says when a change waits for its restart. The appearance below is this app's "
               "own.")
                .arg(serviceConfigPath));
        m_saveStatus->clear();
    } else if (m_serviceOwned) {
        m_serviceNote->setText(
            tr("Sampling, capture mode, interfaces, history and privacy are the Network Monitor "
               "service's settings, shown read-only: it monitors and records for every user of "
               "this machine. %1 change them here or with netmon settings set KEY=VALUE "
               "(netmon settings lists them; the file is %2). The appearance below is this "
               "app's own.")
                .arg(platform::localGroupsApply()
                         ? tr("Members of the netmon group and administrators")
                         : tr("Administrators"),
                     serviceConfigPath));
        m_saveStatus->clear();
    }
}

void SettingsScreen::setServiceSaveResult(const QString& error, const QStringList& notes) {
    if (!error.isEmpty()) {
        m_saveStatus->setText(tr("The service did not take them: %1").arg(error));
        return;
    }
    // Its notes say what waits for its restart; without any, all of it applies at once.
    m_saveStatus->setText(notes.isEmpty()
                              ? tr("Saved by the service: in effect from its next tick.")
                              : tr("Saved by the service. %1").arg(notes.join(QLatin1Char(' '))));
}

void SettingsScreen::setServiceConfig(const Config& config, const QString& error) {
    if (!error.isEmpty()) {
        m_serviceNote->setText(m_serviceNote->text() + QLatin1Char(' ') +
                               tr("The service's settings could not be read (%1); the fields "
                                  "show defaults.")
                                   .arg(error));
        return;
    }
    setConfig(config, {});
}

QString SettingsScreen::serviceNoteText() const {
    return m_serviceNote->isVisibleTo(this) ? m_serviceNote->text() : QString();
}

void SettingsScreen::refreshApplyState() {
    const std::optional<Config> edited = editedConfig();
    m_apply->setEnabled(edited && *edited != m_applied);
    m_revert->setEnabled(!edited || *edited != m_applied);
    if (!edited) {
        m_saveStatus->setText(tr("Fix the fields marked in red to apply."));
    } else if (*edited != m_applied) {
        m_saveStatus->setText(tr("Unsaved changes."));
    } else if (m_saveStatus->text() == tr("Unsaved changes.") ||
               m_saveStatus->text() == tr("Fix the fields marked in red to apply.")) {
        m_saveStatus->clear();
    }
}

std::optional<Config> SettingsScreen::editedConfig() const {
    Config config = m_applied;
    if (!m_sampling->applyTo(config) || !m_interfaces->applyTo(config) ||
        !m_database->applyTo(config)) {
        return std::nullopt;
    }
    m_mode->applyTo(config);
    m_privacy->applyTo(config);
    return config;
}

bool SettingsScreen::isValid() const {
    return editedConfig().has_value();
}

QLineEdit* SettingsScreen::intervalEdit() const {
    return m_sampling->intervalEdit();
}

QLineEdit* SettingsScreen::retentionEdit() const {
    return m_sampling->retentionEdit();
}

QLineEdit* SettingsScreen::historyTopNEdit() const {
    return m_sampling->historyTopNEdit();
}

QLineEdit* SettingsScreen::databaseEdit() const {
    return m_database->pathEdit();
}

QString SettingsScreen::errorText(QLineEdit* field) const {
    for (const FieldRefusal* refusal : findChildren<FieldRefusal*>()) {
        if (refusal->field() == field) {
            return refusal->reason();
        }
    }
    return {};
}

QString SettingsScreen::modeText() const {
    return m_mode->modeText();
}

void SettingsScreen::setAllInterfaces(bool all) {
    m_interfaces->setAllInterfaces(all);
}

void SettingsScreen::setInterfaceChecked(const QString& name, bool checked) {
    m_interfaces->setInterfaceChecked(name, checked);
}

void SettingsScreen::apply() {
    if (m_serviceOwned && !m_serviceEditable) {
        return;  // the service's settings, not ours to change: nothing would take effect
    }
    const std::optional<Config> edited = editedConfig();
    if (!edited) {
        refreshApplyState();
        return;
    }
    m_applied = *edited;
    m_saveStatus->setText(m_serviceOwned ? tr("Sending to the service…") : tr("Applying…"));
    refreshApplyState();
    if (!m_serviceOwned) {
        m_database->setAppliedPath(m_applied.databasePath);
    }
    Q_EMIT configApplied(*edited);
}

void SettingsScreen::revert() {
    setConfig(m_applied, m_configPath);
    m_saveStatus->setText(tr("Reverted to the settings in use."));
}

QString SettingsScreen::saveStatusText() const {
    return m_saveStatus->text();
}

void SettingsScreen::setSaveResult(const QString& error) {
    m_saveStatus->setText(error.isEmpty() ? tr("In effect now, and saved to %1.").arg(m_configPath)
                                          : tr("In effect now, but not saved: %1").arg(error));
}

}  // namespace netmon::gui
