// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/history_screen.h"

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

#include "gui/screens/history_range.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"
#include "gui/widgets/history_chart.h"
#include "gui/widgets/kpi_card.h"

namespace netmon::gui {

HistoryScreen::HistoryScreen(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("screen"));
    auto* title = new QLabel(tr("History"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);  // messages quote paths and errors
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
    m_empty->setTextFormat(Qt::PlainText);
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
        busiest == nullptr
            ? QString()
            : tr("busiest: %1 (%2)")
                  .arg(HistoryChart::bucketLabel(busiest->start, result.request.step, true),
                       bytesText(busiest->rxBytes + busiest->txBytes));
    const auto lastDay = result.request.until - std::chrono::seconds(1);
    m_totals[0]->setCaption(
        tr("%1 – %2").arg(HistoryChart::bucketLabel(result.request.since, HistoryStep::Day, false),
                          HistoryChart::bucketLabel(lastDay, HistoryStep::Day, false)));
    m_totals[1]->setCaption(result.request.interfaceName
                                ? shownText(*result.request.interfaceName)
                                : tr("all interfaces but loopback and virtual ones"));
    m_totals[2]->setCaption(busiestText);

    if (!result.error.empty()) {
        m_empty->setText(tr("History could not be read.\n%1").arg(shownText(result.error)));
        m_stack->setCurrentIndex(1);
        m_status->setText(tr("History could not be read"));
        return;
    }
    m_chart->setBuckets(result.buckets, result.request.step);
    if (result.buckets.empty()) {
        m_empty->setText(
            tr("No traffic recorded in this range yet.\nThe app records while it "
               "runs; `netmon record` records without it."));
        m_stack->setCurrentIndex(1);
    } else {
        m_stack->setCurrentIndex(0);
    }
    m_status->setText(
        tr("Updated %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
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
        m_interface->addItem(shownText(toStdString(name)), name);  // shown escaped, kept as is
    }
    m_interface->setCurrentIndex(std::max(0, m_interface->findData(current)));
}

void HistoryScreen::chooseExportFile() {
    const QString suggested = QDir::home().filePath(
        QStringLiteral("netmon-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
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
