// SPDX-License-Identifier: GPL-3.0-or-later
#include "screens/history_screen.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTime>
#include <QVBoxLayout>

#include "app/qt_text.h"
#include "screens/history_range.h"
#include "widgets/history_chart.h"
#include "widgets/kpi_card.h"

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

HistoryScreen::HistoryScreen(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("screen"));
    auto* title = new QLabel(tr("History"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_status = new QLabel(this);
    m_status->setProperty("muted", true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);  // indeterminate: a query is running
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(120);
    m_progress->setVisible(false);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_status, 1, Qt::AlignBottom);
    header->addWidget(m_progress, 0, Qt::AlignVCenter);

    auto* totals = new QHBoxLayout;
    totals->setSpacing(12);
    const QString names[3] = {tr("Received"), tr("Sent"), tr("Total")};
    for (int i = 0; i < 3; ++i) {
        m_totals[i] = new KpiCard(names[i].toUpper(), this);
        totals->addWidget(m_totals[i]);
    }

    m_chart = new HistoryChart(this);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("note"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    auto* emptyPage = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_empty);
    emptyLayout->addStretch(2);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_chart);
    m_stack->addWidget(emptyPage);
    auto* panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("panel"));
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(12, 10, 12, 10);
    panelLayout->addWidget(m_stack);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(makeControls());
    layout->addLayout(totals);
    layout->addWidget(panel, 1);
    m_empty->setText(tr("Loading history…"));
    m_stack->setCurrentIndex(1);
}

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

void HistoryScreen::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_queried) {
        refresh();
    }
}

void HistoryScreen::showSnapshot(const Snapshot& snapshot) {
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (stat.isVirtual) {
            m_virtual.insert(stat.name);
        }
    }
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

void HistoryScreen::refresh() {
    m_queried = true;
    const HistoryRequest request = makeRequest();
    m_busyId = request.id;
    setBusy(true);
    Q_EMIT queryRequested(request);
}

void HistoryScreen::setBusy(bool busy) {
    m_progress->setVisible(busy);
    if (busy) {
        m_status->setText(tr("Reading history…"));
    }
}

void HistoryScreen::showResult(const HistoryResult& result) {
    if (result.request.id != m_busyId) {
        return;  // an answer to a request the user has since replaced
    }
    m_busyId = 0;
    setBusy(false);
    m_result = result;
    updateInterfaceChoices(result.interfaces);
    m_export->setEnabled(result.error.empty() && !result.rows.empty());
    m_totals[0]->setValue(bytesText(result.rxTotal));
    m_totals[1]->setValue(bytesText(result.txTotal));
    m_totals[2]->setValue(bytesText(result.rxTotal + result.txTotal));
    const HistoryBucket* busiest = nullptr;
    for (const HistoryBucket& bucket : result.buckets) {
        if (busiest == nullptr ||
            bucket.rxBytes + bucket.txBytes > busiest->rxBytes + busiest->txBytes) {
            busiest = &bucket;
        }
    }
    const QString busiestText =
        busiest == nullptr ? QString()
                           : tr("busiest: %1 (%2)")
                                 .arg(HistoryChart::bucketLabel(busiest->start, result.request.step,
                                                                true),
                                      bytesText(busiest->rxBytes + busiest->txBytes));
    m_totals[0]->setCaption(tr("download, all included interfaces"));
    m_totals[1]->setCaption(tr("upload, all included interfaces"));
    m_totals[2]->setCaption(busiestText);

    if (!result.error.empty()) {
        m_empty->setText(tr("History could not be read.\n%1").arg(toQString(result.error)));
        m_stack->setCurrentIndex(1);
        m_status->setText(tr("History could not be read"));
        return;
    }
    m_chart->setBuckets(result.buckets, result.request.step);
    if (result.buckets.empty()) {
        m_empty->setText(tr("No traffic recorded in this range yet.\nThe app records while it "
                            "runs; `netmon record` records without it."));
        m_stack->setCurrentIndex(1);
    } else {
        m_stack->setCurrentIndex(0);
    }
    m_status->setText(tr("%n bar(s) · updated %1", nullptr, static_cast<int>(result.buckets.size()))
                          .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void HistoryScreen::updateInterfaceChoices(const std::vector<std::string>& names) {
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
        m_interface->addItem(name, name);
    }
    m_interface->setCurrentIndex(std::max(0, m_interface->findData(current)));
}

void HistoryScreen::chooseExportFile() {
    const QString suggested =
        QDir::home().filePath(QStringLiteral("netmon-history-%1.csv")
                                  .arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history as CSV"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        exportTo(path);
    }
}

void HistoryScreen::exportTo(const QString& path) {
    if (!m_result) {
        return;
    }
    m_status->setText(tr("Exporting…"));
    Q_EMIT exportRequested(path, *m_result);
}

void HistoryScreen::exportFinished(const QString& path, const QString& error) {
    m_status->setText(error.isEmpty() ? tr("Exported to %1").arg(path)
                                      : tr("Export failed: %1").arg(error));
}

QString HistoryScreen::statusText() const {
    return m_status->text();
}

}  // namespace netmon::gui
