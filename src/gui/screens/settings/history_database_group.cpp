// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/history_database_group.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "gui/screens/settings/field_refusal.h"
#include "gui/screens/settings/help_label.h"
#include "gui/screens/settings/settings_validation.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

HistoryDatabaseGroup::HistoryDatabaseGroup(QWidget* parent)
    : QGroupBox(tr("History database"), parent), m_path(new QLineEdit(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    auto* row = new QHBoxLayout;
    m_path->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("Browse…"), this);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    m_refusal = new FieldRefusal(m_path, this);
    m_status = helpLabel({}, this);
    layout->addWidget(new QLabel(tr("Location (empty: the default)"), this));
    layout->addLayout(row);
    layout->addWidget(m_refusal);
    layout->addWidget(m_status);
    connect(m_path, &QLineEdit::textChanged, this, &HistoryDatabaseGroup::validate);
    connect(browse, &QPushButton::clicked, this, &HistoryDatabaseGroup::browse);
}

void HistoryDatabaseGroup::browse() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("History database"),
        m_path->text().isEmpty() ? m_path->placeholderText() : m_path->text(),
        tr("SQLite databases (*.db);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        m_path->setText(path);
    }
}

void HistoryDatabaseGroup::setConfig(const Config& config) {
    m_applied = config.databasePath;
    m_path->setText(toQString(config.databasePath.string()));
    validate();
    refreshStatus();
}

void HistoryDatabaseGroup::validate() {
    m_refusal->setReason(refusal(parseDatabasePath(m_path->text())));
    Q_EMIT edited();
}

bool HistoryDatabaseGroup::applyTo(Config& config) const {
    const auto path = parseDatabasePath(m_path->text());
    if (!path) {
        return false;
    }
    config.databasePath = path->toStdString();
    return true;
}

void HistoryDatabaseGroup::setAppliedPath(const std::filesystem::path& path) {
    m_applied = path;
    refreshStatus();
}

void HistoryDatabaseGroup::setDefaultPath(const QString& path) {
    m_default = path;
    m_path->setPlaceholderText(path);
    refreshStatus();
}

void HistoryDatabaseGroup::setHistoryHealth(const HistoryHealth& health) {
    if (health == m_health) {
        return;
    }
    m_health = health;
    refreshStatus();
}

void HistoryDatabaseGroup::refreshStatus() {
    const QString path = m_applied.empty() ? m_default : toQString(m_applied.string());
    switch (m_health.state) {
        case HistoryHealth::State::Opening:
            m_status->setText(tr("Opening %1…").arg(path));
            return;
        case HistoryHealth::State::Recording:
            m_status->setText(tr("Recording to %1.").arg(path));
            return;
        case HistoryHealth::State::Failing:
            m_status->setText(tr("Writes to %1 fail: %2 Samples wait in memory and are retried.")
                                  .arg(path, shownText(m_health.message)));
            return;
        case HistoryHealth::State::Disabled:
            m_status->setText(tr("Not recording: %1").arg(shownText(m_health.message)));
            return;
        case HistoryHealth::State::RecordedElsewhere:
            m_status->setText(tr("%1 is recorded by %2; recording starts here when it stops.")
                                  .arg(path, toQString(m_health.message)));
            return;
        case HistoryHealth::State::ByService:
            m_status->setText(
                tr("The Network Monitor service records history in its own "
                   "database; this app stores nothing."));
            return;
    }
}

}  // namespace netmon::gui
