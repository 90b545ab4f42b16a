// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings_screen.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStyle>

#include "gui/screens/settings_validation.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

constexpr int kTwoColumnWidth = 1000;

void repolish(QWidget* widget) {
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

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
    left->addWidget(makeSamplingGroup());
    left->addWidget(makeModeGroup());
    left->addStretch(1);
    right->addWidget(makeInterfacesGroup());
    right->addWidget(makeStorageGroup());
    right->addWidget(makePrivacyGroup());
    right->addWidget(makeAppearanceGroup());
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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(title);
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
    const QSignalBlocker blockAll(m_allInterfaces);
    const QSignalBlocker blockList(m_interfaces);
    m_interval->setText(QString::number(config.samplingInterval.count()));
    m_retention->setText(QString::number(config.retentionDays));
    m_historyTopN->setText(QString::number(config.historyTopN));
    if (QAbstractButton* mode = m_mode->button(static_cast<int>(config.captureMode))) {
        mode->setChecked(true);
    }
    m_resolveNames->setChecked(config.privacy.resolveHostNames);
    m_maskAddresses->setChecked(config.privacy.maskAddresses);
    m_storeHosts->setChecked(config.privacy.storeHostHistory);
    m_allInterfaces->setChecked(config.monitoredInterfaces.empty());
    m_interfaces->setEnabled(!config.monitoredInterfaces.empty());
    m_interfaces->clear();
    std::set<std::string> names = m_knownInterfaces;
    names.insert(config.monitoredInterfaces.begin(), config.monitoredInterfaces.end());
    for (const std::string& name : names) {
        const bool checked =
            std::find(config.monitoredInterfaces.begin(), config.monitoredInterfaces.end(), name) !=
            config.monitoredInterfaces.end();
        addInterfaceItem(toQString(name), checked);
    }
    m_database->setText(toQString(config.databasePath.string()));
    validate();
    refreshModeText();
    refreshDatabaseStatus();
}

void SettingsScreen::addInterfaceItem(const QString& name, bool checked) {
    // Shown escaped (shownText is one-to-one, so items can be found by it); the name itself is
    // what gets saved.
    auto* item = new QListWidgetItem(shownText(toStdString(name)), m_interfaces);
    item->setData(Qt::UserRole, name);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void SettingsScreen::setDefaultDatabasePath(const QString& path) {
    m_defaultDatabase = path;
    m_database->setPlaceholderText(path);
    refreshDatabaseStatus();
}

void SettingsScreen::setModeDecision(const ModeDecision& decision) {
    m_decision = decision;
    refreshModeText();
}

void SettingsScreen::setPermissionReport(const PermissionReport& report) {
    m_report = report;
    m_haveReport = true;
    refreshModeText();
}

void SettingsScreen::setHistoryHealth(const HistoryHealth& health) {
    if (health == m_health) {
        return;
    }
    m_health = health;
    refreshDatabaseStatus();
}

void SettingsScreen::showSnapshot(const Snapshot& snapshot) {
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (m_knownInterfaces.insert(stat.name).second &&
            m_interfaces->findItems(shownText(stat.name), Qt::MatchExactly).isEmpty()) {
            const QSignalBlocker block(m_interfaces);
            addInterfaceItem(toQString(stat.name), false);
        }
    }
}

void SettingsScreen::setAppearance(ThemeName theme, bool closeToTray, bool trayAvailable) {
    const QSignalBlocker blockTheme(m_theme);
    const QSignalBlocker blockTray(m_closeToTray);
    m_theme->setCurrentIndex(m_theme->findData(themeToString(theme)));
    m_closeToTray->setChecked(closeToTray && trayAvailable);
    m_closeToTray->setEnabled(trayAvailable);
    m_closeToTray->setToolTip(trayAvailable ? QString() : tr("This desktop has no system tray."));
}

void SettingsScreen::showError(QLineEdit* field, const QString* error) {
    QLabel* label = m_errors.at(field);
    label->setText(error != nullptr ? *error : QString());
    label->setVisible(error != nullptr);
    const bool invalid = error != nullptr;
    if (field->property("invalid").toBool() != invalid) {
        field->setProperty("invalid", invalid);
        repolish(field);
    }
}

void SettingsScreen::validate() {
    const auto interval = parseSamplingInterval(m_interval->text());
    const auto retention = parseRetentionDays(m_retention->text());
    const auto topN = parseHistoryTopN(m_historyTopN->text());
    const auto database = parseDatabasePath(m_database->text());
    showError(m_interval, refusal(interval));
    showError(m_retention, refusal(retention));
    showError(m_historyTopN, refusal(topN));
    showError(m_database, refusal(database));
    QStringList checked;
    for (int i = 0; i < m_interfaces->count(); ++i) {
        if (m_interfaces->item(i)->checkState() == Qt::Checked) {
            checked << m_interfaces->item(i)->data(Qt::UserRole).toString();
        }
    }
    const auto interfaces = parseMonitoredInterfaces(m_allInterfaces->isChecked(), checked);
    const QString* interfacesError = refusal(interfaces);
    m_interfacesError->setText(interfacesError != nullptr ? *interfacesError : QString());
    m_interfacesError->setVisible(interfacesError != nullptr);

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
    const auto interval = parseSamplingInterval(m_interval->text());
    const auto retention = parseRetentionDays(m_retention->text());
    const auto topN = parseHistoryTopN(m_historyTopN->text());
    const auto database = parseDatabasePath(m_database->text());
    QStringList checked;
    for (int i = 0; i < m_interfaces->count(); ++i) {
        if (m_interfaces->item(i)->checkState() == Qt::Checked) {
            checked << m_interfaces->item(i)->data(Qt::UserRole).toString();
        }
    }
    const auto interfaces = parseMonitoredInterfaces(m_allInterfaces->isChecked(), checked);
    if (refusal(interval) || refusal(retention) || refusal(topN) || refusal(database) ||
        refusal(interfaces)) {
        return std::nullopt;
    }
    Config config = m_applied;
    config.samplingInterval = std::chrono::milliseconds(*interval);
    config.retentionDays = *retention;
    config.historyTopN = *topN;
    config.captureMode = static_cast<CaptureMode>(std::max(0, m_mode->checkedId()));
    config.privacy.resolveHostNames = m_resolveNames->isChecked();
    config.privacy.maskAddresses = m_maskAddresses->isChecked();
    config.privacy.storeHostHistory = m_storeHosts->isChecked();
    config.monitoredInterfaces.clear();
    for (const QString& name : *interfaces) {
        config.monitoredInterfaces.push_back(name.toStdString());
    }
    config.databasePath = database->toStdString();
    return config;
}

bool SettingsScreen::isValid() const {
    return editedConfig().has_value();
}

QString SettingsScreen::errorText(QLineEdit* field) const {
    const auto found = m_errors.find(field);
    return found == m_errors.end() || found->second->isHidden() ? QString() : found->second->text();
}

void SettingsScreen::setAllInterfaces(bool all) {
    m_allInterfaces->setChecked(all);
}

void SettingsScreen::setInterfaceChecked(const QString& name, bool checked) {
    for (QListWidgetItem* item : m_interfaces->findItems(name, Qt::MatchExactly)) {
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void SettingsScreen::apply() {
    const std::optional<Config> edited = editedConfig();
    if (!edited) {
        validate();
        return;
    }
    m_applied = *edited;
    m_saveStatus->setText(tr("Applying…"));
    validate();
    refreshDatabaseStatus();
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
