// SPDX-License-Identifier: GPL-3.0-or-later
// The History screen's controls: range, step, interface, refresh and export, and the request
// they make.
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QPushButton>

#include "gui/screens/history_range.h"
#include "gui/screens/history_screen.h"

namespace netmon::gui {
namespace {

HistoryStep defaultStep(HistoryScreen::Range range) {
    switch (range) {
        case HistoryScreen::Range::Last24Hours:
            return HistoryStep::Hour;
        case HistoryScreen::Range::Last12Months:
            return HistoryStep::Month;
        default:
            return HistoryStep::Day;
    }
}

}  // namespace

QWidget* HistoryScreen::makeControls() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_range = new QComboBox(row);
    m_range->addItem(tr("Last 24 hours"), static_cast<int>(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), static_cast<int>(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), static_cast<int>(Range::Last30Days));
    m_range->addItem(tr("This month"), static_cast<int>(Range::ThisMonth));
    m_range->addItem(tr("Last 12 months"), static_cast<int>(Range::Last12Months));
    m_range->addItem(tr("Custom…"), static_cast<int>(Range::Custom));
    m_range->setCurrentIndex(1);
    connect(m_range, &QComboBox::activated, this,
            [this](int index) { setRange(static_cast<Range>(m_range->itemData(index).toInt())); });

    m_from = new QDateEdit(QDate::currentDate().addDays(-6), row);
    m_to = new QDateEdit(QDate::currentDate(), row);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_from->isVisible()) {
                refresh();
            }
        });
    }

    m_step = new QComboBox(row);
    m_step->addItem(tr("Per hour"), static_cast<int>(HistoryStep::Hour));
    m_step->addItem(tr("Per day"), static_cast<int>(HistoryStep::Day));
    m_step->addItem(tr("Per month"), static_cast<int>(HistoryStep::Month));
    m_step->setCurrentIndex(1);
    connect(m_step, &QComboBox::activated, this, [this](int) { refresh(); });

    m_interface = new QComboBox(row);
    m_interface->addItem(tr("All interfaces"), QString());
    m_interface->setToolTip(tr("All physical interfaces (loopback and virtual ones left out)"));
    m_interface->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_interface, &QComboBox::activated, this, [this](int) { refresh(); });

    m_refresh = new QPushButton(tr("Refresh"), row);
    connect(m_refresh, &QPushButton::clicked, this, &HistoryScreen::refresh);
    m_export = new QPushButton(tr("Export CSV…"), row);
    m_export->setEnabled(false);
    m_export->setToolTip(tr("Save the rows behind this chart as a CSV file"));
    connect(m_export, &QPushButton::clicked, this, &HistoryScreen::chooseExportFile);

    layout->addWidget(m_range);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addWidget(m_step);
    layout->addWidget(m_interface);
    layout->addStretch(1);
    layout->addWidget(m_refresh);
    layout->addWidget(m_export);
    return row;
}

void HistoryScreen::setRange(Range range) {
    m_range->setCurrentIndex(m_range->findData(static_cast<int>(range)));
    const bool custom = range == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_step->setCurrentIndex(m_step->findData(static_cast<int>(defaultStep(range))));
    refresh();
}

void HistoryScreen::setStep(HistoryStep step) {
    m_step->setCurrentIndex(m_step->findData(static_cast<int>(step)));
    refresh();
}

void HistoryScreen::setCustomRange(const QDate& from, const QDate& to) {
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    setRange(Range::Custom);
}

void HistoryScreen::setInterface(const QString& name) {
    if (!name.isEmpty() && m_interface->findData(name) < 0) {
        m_interface->addItem(name, name);
    }
    m_interface->setCurrentIndex(std::max(0, m_interface->findData(name)));
    refresh();
}

HistoryRequest HistoryScreen::makeRequest() {
    const auto now = std::chrono::system_clock::now();
    TimeRange range;
    switch (static_cast<Range>(m_range->currentData().toInt())) {
        case Range::Last24Hours:
            range = lastHours(now, 24);
            break;
        case Range::Last7Days:
            range = lastDays(now, 7);
            break;
        case Range::Last30Days:
            range = lastDays(now, 30);
            break;
        case Range::ThisMonth:
            range = thisMonth(now);
            break;
        case Range::Last12Months:
            range = lastMonths(now, 12);
            break;
        case Range::Custom:
            range = localDays(m_from->date(), m_to->date());
            break;
    }
    HistoryRequest request;
    request.id = m_nextId++;
    request.since = range.since;
    request.until = range.until;
    request.step = static_cast<HistoryStep>(m_step->currentData().toInt());
    const QString name = m_interface->currentData().toString();
    if (!name.isEmpty()) {
        request.interfaceName = name.toStdString();
    }
    request.excluded.assign(m_virtual.begin(), m_virtual.end());
    if (m_virtual.count("lo") == 0) {
        request.excluded.push_back("lo");
    }
    return request;
}

}  // namespace netmon::gui
