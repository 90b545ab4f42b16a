// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/sampling_group.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <chrono>

#include "gui/screens/settings/field_refusal.h"
#include "gui/screens/settings/help_label.h"
#include "gui/screens/settings/settings_validation.h"

namespace netmon::gui {

SamplingGroup::SamplingGroup(QWidget* parent) : QGroupBox(tr("Sampling and history"), parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    m_intervalRefusal =
        addField(layout, tr("Sampling interval (milliseconds)"),
                 tr("How often counters are read: 100 to 60000 ms. Rates are exact at any "
                    "interval; shorter ones draw finer charts."));
    m_retentionRefusal = addField(layout, tr("Keep history for (days)"),
                                  tr("Minute, hour and day totals older than this are deleted: "
                                     "1 to 3650 days. Single ticks are kept for 24 hours."));
    m_historyTopNRefusal = addField(
        layout, tr("Hosts and processes kept per hour"),
        tr("Per-host and per-process history keeps this many of each per hour and per day, "
           "the largest by traffic; the rest add up in one \"other\" row, so a flood of "
           "new addresses cannot fill the disk: 10 to 10000."));
    m_interval = m_intervalRefusal->field();
    m_retention = m_retentionRefusal->field();
    m_historyTopN = m_historyTopNRefusal->field();
}

FieldRefusal* SamplingGroup::addField(QVBoxLayout* layout, const QString& label,
                                      const QString& help) {
    auto* title = new QLabel(label, this);
    auto* field = new QLineEdit(this);
    field->setMaximumWidth(220);
    auto* refusal = new FieldRefusal(field, this);
    layout->addWidget(title);
    layout->addWidget(field);
    layout->addWidget(refusal);
    layout->addWidget(helpLabel(help, this));
    connect(field, &QLineEdit::textChanged, this, &SamplingGroup::validate);
    return refusal;
}

void SamplingGroup::setConfig(const Config& config) {
    m_interval->setText(QString::number(config.samplingInterval.count()));
    m_retention->setText(QString::number(config.retentionDays));
    m_historyTopN->setText(QString::number(config.historyTopN));
    validate();
}

void SamplingGroup::validate() {
    m_intervalRefusal->setReason(refusal(parseSamplingInterval(m_interval->text())));
    m_retentionRefusal->setReason(refusal(parseRetentionDays(m_retention->text())));
    m_historyTopNRefusal->setReason(refusal(parseHistoryTopN(m_historyTopN->text())));
    Q_EMIT edited();
}

bool SamplingGroup::applyTo(Config& config) const {
    const auto interval = parseSamplingInterval(m_interval->text());
    const auto retention = parseRetentionDays(m_retention->text());
    const auto topN = parseHistoryTopN(m_historyTopN->text());
    if (!interval || !retention || !topN) {
        return false;
    }
    config.samplingInterval = std::chrono::milliseconds(*interval);
    config.retentionDays = *retention;
    config.historyTopN = *topN;
    return true;
}

}  // namespace netmon::gui
