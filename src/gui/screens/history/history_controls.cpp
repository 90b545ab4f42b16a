// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/history/history_controls.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QPushButton>
#include <QStringList>
#include <algorithm>
#include <string>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

HistoryStep defaultStep(HistoryControls::Range range) {
    switch (range) {
        case HistoryControls::Range::Last24Hours:
            return HistoryStep::Hour;
        case HistoryControls::Range::Last12Months:
            return HistoryStep::Month;
        default:
            return HistoryStep::Day;
    }
}

}  // namespace

HistoryControls::HistoryControls(QWidget* parent)
    : QWidget(parent),
      m_range(new QComboBox(this)),
      m_from(new QDateEdit(QDate::currentDate().addDays(-6), this)),
      m_to(new QDateEdit(QDate::currentDate(), this)),
      m_step(new QComboBox(this)),
      m_interface(new QComboBox(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)),
      m_export(new QPushButton(tr("Export CSV…"), this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_range->addItem(tr("Last 24 hours"), static_cast<int>(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), static_cast<int>(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), static_cast<int>(Range::Last30Days));
    m_range->addItem(tr("This month"), static_cast<int>(Range::ThisMonth));
    m_range->addItem(tr("Last 12 months"), static_cast<int>(Range::Last12Months));
    m_range->addItem(tr("Custom…"), static_cast<int>(Range::Custom));
    m_range->setCurrentIndex(1);
    connect(m_range, &QComboBox::activated, this, [this](int index) {
        setRange(static_cast<Range>(m_range->itemData(index).toInt()));
        Q_EMIT refreshRequested();
    });

    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_from->isVisible()) {
                Q_EMIT refreshRequested();
            }
        });
    }

    m_step->addItem(tr("Per hour"), static_cast<int>(HistoryStep::Hour));
    m_step->addItem(tr("Per day"), static_cast<int>(HistoryStep::Day));
    m_step->addItem(tr("Per month"), static_cast<int>(HistoryStep::Month));
    m_step->setCurrentIndex(1);
    connect(m_step, &QComboBox::activated, this, &HistoryControls::refreshRequested);

    m_interface->addItem(tr("All interfaces"), QString());
    m_interface->setToolTip(tr("All physical interfaces (loopback and virtual ones left out)"));
    m_interface->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_interface, &QComboBox::activated, this, &HistoryControls::refreshRequested);

    connect(m_refresh, &QPushButton::clicked, this, &HistoryControls::refreshRequested);
    m_export->setEnabled(false);
    m_export->setToolTip(tr("Save the rows behind this chart as a CSV file"));
    connect(m_export, &QPushButton::clicked, this, &HistoryControls::exportClicked);

    layout->addWidget(m_range);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addWidget(m_step);
    layout->addWidget(m_interface);
    layout->addStretch(1);
    layout->addWidget(m_refresh);
    layout->addWidget(m_export);
}

void HistoryControls::setRange(Range range) {
    m_range->setCurrentIndex(m_range->findData(static_cast<int>(range)));
    const bool custom = range == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_step->setCurrentIndex(m_step->findData(static_cast<int>(defaultStep(range))));
}

void HistoryControls::setStep(HistoryStep step) {
    m_step->setCurrentIndex(m_step->findData(static_cast<int>(step)));
}

void HistoryControls::setCustomRange(const QDate& from, const QDate& to) {
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    setRange(Range::Custom);
}

void HistoryControls::setInterface(const QString& name) {
    if (!name.isEmpty() && m_interface->findData(name) < 0) {
        m_interface->addItem(name, name);
    }
    m_interface->setCurrentIndex(std::max(0, m_interface->findData(name)));
}

void HistoryControls::setInterfaceChoices(const std::vector<std::string>& names) {
    const QString current = m_interface->currentData().toString();
    QStringList wanted;
    for (const std::string& name : names) {
        wanted << toQString(name);
    }
    if (!current.isEmpty() && !wanted.contains(current)) {
        wanted << current;
    }
    QStringList have;
    for (int i = 1; i < m_interface->count(); ++i) {
        have << m_interface->itemData(i).toString();
    }
    if (have == wanted) {
        return;
    }
    while (m_interface->count() > 1) {
        m_interface->removeItem(1);
    }
    for (const QString& name : wanted) {
        m_interface->addItem(shownText(toStdString(name)), name);  // shown escaped, kept as is
    }
    m_interface->setCurrentIndex(std::max(0, m_interface->findData(current)));
}

void HistoryControls::setExportEnabled(bool enabled) {
    m_export->setEnabled(enabled);
}

TimeRange HistoryControls::timeRange(storage::TimePoint now) const {
    switch (static_cast<Range>(m_range->currentData().toInt())) {
        case Range::Last24Hours:
            return lastHours(now, 24);
        case Range::Last7Days:
            return lastDays(now, 7);
        case Range::Last30Days:
            return lastDays(now, 30);
        case Range::ThisMonth:
            return thisMonth(now);
        case Range::Last12Months:
            return lastMonths(now, 12);
        case Range::Custom:
            return localDays(m_from->date(), m_to->date());
    }
    return {};
}

HistoryStep HistoryControls::step() const {
    return static_cast<HistoryStep>(m_step->currentData().toInt());
}

QString HistoryControls::interfaceName() const {
    return m_interface->currentData().toString();
}

}  // namespace netmon::gui
