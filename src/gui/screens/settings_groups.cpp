// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings screen's groups of fields (layout only; the logic is in settings_screen.cpp).
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "gui/screens/settings_screen.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

QLabel* helpLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);  // some quote paths and the system's messages
    label->setWordWrap(true);
    label->setProperty("muted", true);
    return label;
}

QVBoxLayout* groupLayout(QGroupBox* group) {
    auto* layout = new QVBoxLayout(group);
    layout->setSpacing(6);
    return layout;
}

}  // namespace

QLineEdit* SettingsScreen::addField(QVBoxLayout* layout, const QString& label,
                                    const QString& help) {
    auto* parent = layout->parentWidget();
    auto* title = new QLabel(label, parent);
    auto* field = new QLineEdit(parent);
    field->setMaximumWidth(220);
    auto* error = new QLabel(parent);
    error->setProperty("error", true);
    error->setWordWrap(true);
    error->setVisible(false);
    m_errors[field] = error;
    layout->addWidget(title);
    layout->addWidget(field);
    layout->addWidget(error);
    if (!help.isEmpty()) {
        layout->addWidget(helpLabel(help, parent));
    }
    connect(field, &QLineEdit::textChanged, this, &SettingsScreen::validate);
    return field;
}

QWidget* SettingsScreen::makeSamplingGroup() {
    auto* group = new QGroupBox(tr("Sampling and history"), this);
    auto* layout = groupLayout(group);
    m_interval = addField(layout, tr("Sampling interval (milliseconds)"),
                          tr("How often counters are read: 100 to 60000 ms. Rates are exact at "
                             "any interval; shorter ones draw finer charts."));
    m_retention = addField(layout, tr("Keep history for (days)"),
                           tr("Minute, hour and day totals older than this are deleted: 1 to "
                              "3650 days. Single ticks are kept for 24 hours."));
    m_historyTopN = addField(
        layout, tr("Hosts and processes kept per hour"),
        tr("Per-host and per-process history keeps this many of each per hour and per day, "
           "the largest by traffic; the rest add up in one \"other\" row, so a flood of "
           "new addresses cannot fill the disk: 10 to 10000."));
    return group;
}

QWidget* SettingsScreen::makeModeGroup() {
    auto* group = new QGroupBox(tr("Capture mode"), this);
    auto* layout = groupLayout(group);
    m_mode = new QButtonGroup(group);
    const std::pair<CaptureMode, QString> modes[] = {
        {CaptureMode::Auto, tr("Auto — deep where this machine allows it, else basic")},
        {CaptureMode::Basic, tr("Basic — no admin rights needed")},
        {CaptureMode::Deep, tr("Deep — every packet counted per connection (needs admin rights)")}};
    for (const auto& [mode, label] : modes) {
        auto* button = new QRadioButton(label, group);
        m_mode->addButton(button, static_cast<int>(mode));
        layout->addWidget(button);
    }
    connect(m_mode, &QButtonGroup::idClicked, this, [this] {
        validate();
        refreshModeText();
    });
    m_modeText = new QLabel(group);
    m_modeText->setTextFormat(Qt::PlainText);
    m_modeText->setObjectName(QStringLiteral("note"));
    m_modeText->setWordWrap(true);
    m_checks = new QLabel(group);
    m_checks->setWordWrap(true);
    m_checks->setTextFormat(Qt::RichText);
    m_checks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addSpacing(4);
    layout->addWidget(m_modeText);
    layout->addWidget(m_checks);
    return group;
}

QWidget* SettingsScreen::makePrivacyGroup() {
    auto* group = new QGroupBox(tr("Privacy"), this);
    auto* layout = groupLayout(group);
    m_resolveNames =
        new QCheckBox(tr("Look up host names of remote addresses (reverse DNS)"), group);
    m_maskAddresses = new QCheckBox(tr("Mask addresses (keep only the network part)"), group);
    m_storeHosts = new QCheckBox(tr("Keep per-host traffic in the history database"), group);
    for (QCheckBox* box : {m_resolveNames, m_maskAddresses, m_storeHosts}) {
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &SettingsScreen::validate);
    }
    layout->addWidget(helpLabel(
        tr("Name lookups go to your DNS resolver. Masked addresses show /24 (IPv4) or /48 "
           "(IPv6) networks only."),
        group));
    return group;
}

QWidget* SettingsScreen::makeInterfacesGroup() {
    auto* group = new QGroupBox(tr("Monitored interfaces"), this);
    auto* layout = groupLayout(group);
    m_allInterfaces = new QCheckBox(tr("Monitor all interfaces"), group);
    m_interfaces = new QListWidget(group);
    m_interfaces->setMinimumHeight(90);
    m_interfaces->setMaximumHeight(160);
    m_interfacesError = new QLabel(group);
    m_interfacesError->setProperty("error", true);
    m_interfacesError->setVisible(false);
    layout->addWidget(m_allInterfaces);
    layout->addWidget(m_interfaces);
    layout->addWidget(m_interfacesError);
    connect(m_allInterfaces, &QCheckBox::toggled, this, [this](bool all) {
        m_interfaces->setEnabled(!all);
        validate();
    });
    connect(m_interfaces, &QListWidget::itemChanged, this, &SettingsScreen::validate);
    return group;
}

QWidget* SettingsScreen::makeStorageGroup() {
    auto* group = new QGroupBox(tr("History database"), this);
    auto* layout = groupLayout(group);
    auto* row = new QHBoxLayout;
    m_database = new QLineEdit(group);
    m_database->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("Browse…"), group);
    row->addWidget(m_database, 1);
    row->addWidget(browse);
    auto* error = new QLabel(group);
    error->setProperty("error", true);
    error->setWordWrap(true);
    error->setVisible(false);
    m_errors[m_database] = error;
    m_databaseStatus = helpLabel({}, group);
    layout->addWidget(new QLabel(tr("Location (empty: the default)"), group));
    layout->addLayout(row);
    layout->addWidget(error);
    layout->addWidget(m_databaseStatus);
    connect(m_database, &QLineEdit::textChanged, this, &SettingsScreen::validate);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("History database"),
            m_database->text().isEmpty() ? m_database->placeholderText() : m_database->text(),
            tr("SQLite databases (*.db);;All files (*)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty()) {
            m_database->setText(path);
        }
    });
    return group;
}

QWidget* SettingsScreen::makeAppearanceGroup() {
    auto* group = new QGroupBox(tr("Appearance"), this);
    auto* layout = groupLayout(group);
    auto* row = new QHBoxLayout;
    m_theme = new QComboBox(group);
    m_theme->addItem(tr("Dark"), themeToString(ThemeName::Dark));
    m_theme->addItem(tr("Light"), themeToString(ThemeName::Light));
    row->addWidget(new QLabel(tr("Theme"), group));
    row->addWidget(m_theme);
    row->addStretch(1);
    m_closeToTray = new QCheckBox(tr("Keep running in the tray when the window is closed"), group);
    layout->addLayout(row);
    layout->addWidget(m_closeToTray);
    connect(m_theme, &QComboBox::activated, this, [this](int index) {
        Q_EMIT themeChanged(themeFromString(m_theme->itemData(index).toString()));
    });
    connect(m_closeToTray, &QCheckBox::toggled, this, &SettingsScreen::closeToTrayChanged);
    return group;
}

// What mode is in use and why, and what deep mode would need here (permissions probe).
void SettingsScreen::refreshModeText() {
    const auto selected = static_cast<CaptureMode>(std::max(0, m_mode->checkedId()));
    QString text;
    if (m_decision && m_decision->mode == MonitoringMode::Deep) {
        text = tr("In use: deep mode (%1): every packet of every flow is counted, UDP and ICMP "
                  "included; bytes are wire bytes, headers included.")
                   .arg(toQString(std::string(toString(m_decision->running))));
    } else {
        text =
            tr("In use: basic mode. Interface totals are exact; connections show what the OS "
               "tells without admin rights (TCP byte counts, no UDP bytes).");
        if (selected != CaptureMode::Basic && m_decision && !m_decision->message.empty()) {
            text += QLatin1Char(' ') + shownText(m_decision->message);
        }
    }
    m_modeText->setText(text);
    if (!m_haveReport) {
        m_checks->setText(tr("Checking what this machine allows…"));
        return;
    }
    QString html =
        QStringLiteral("<p>%1</p><table cellspacing='3'>")
            .arg(m_report.deepModePossible() ? tr("This machine would allow deep mode:")
                                             : tr("Deep mode would need what is marked ✖:"));
    for (const PermissionCheck& check : m_report.checks) {
        html +=
            QStringLiteral("<tr><td>%1</td><td><b>%2</b><br>%3%4</td></tr>")
                .arg(check.passed ? QStringLiteral("✔") : QStringLiteral("✖"),
                     toQString(check.name).toHtmlEscaped(), toQString(check.detail).toHtmlEscaped(),
                     check.passed || check.hint.empty()
                         ? QString()
                         : QStringLiteral("<br><i>%1</i>")
                               .arg(tr("Fix: %1").arg(toQString(check.hint).toHtmlEscaped())));
    }
    html += QStringLiteral("</table>");
    m_checks->setText(html);
}

QString SettingsScreen::modeText() const {
    return m_modeText->text() + QLatin1Char('\n') + m_checks->text();
}

void SettingsScreen::refreshDatabaseStatus() {
    const QString path = m_applied.databasePath.empty()
                             ? m_defaultDatabase
                             : toQString(m_applied.databasePath.string());
    switch (m_health.state) {
        case HistoryHealth::State::Opening:
            m_databaseStatus->setText(tr("Opening %1…").arg(path));
            return;
        case HistoryHealth::State::Recording:
            m_databaseStatus->setText(tr("Recording to %1.").arg(path));
            return;
        case HistoryHealth::State::Failing:
            m_databaseStatus->setText(
                tr("Writes to %1 fail: %2 Samples wait in memory and are retried.")
                    .arg(path, shownText(m_health.message)));
            return;
        case HistoryHealth::State::Disabled:
            m_databaseStatus->setText(tr("Not recording: %1").arg(shownText(m_health.message)));
            return;
        case HistoryHealth::State::RecordedElsewhere:
            m_databaseStatus->setText(
                tr("%1 is recorded by %2; recording starts here when it stops.")
                    .arg(path, toQString(m_health.message)));
            return;
    }
}

}  // namespace netmon::gui
