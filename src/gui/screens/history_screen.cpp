// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/history_screen.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTime>
#include <QVBoxLayout>
#include <chrono>

#include "gui/screens/history/history_chart_panel.h"
#include "gui/screens/history/history_totals.h"
#include "gui/types/shown_text.h"

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

    m_totals = new HistoryTotals(this);
    m_panel = new HistoryChartPanel(this);
    m_controls = new HistoryControls(this);
    connect(m_controls, &HistoryControls::refreshRequested, this, &HistoryScreen::refresh);
    connect(m_controls, &HistoryControls::exportClicked, this, &HistoryScreen::chooseExportFile);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_controls);
    layout->addWidget(m_totals);
    layout->addWidget(m_panel, 1);
    m_panel->showMessage(tr("Loading history…"));
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
    m_controls->setRange(range);
    refresh();
}

void HistoryScreen::setStep(HistoryStep step) {
    m_controls->setStep(step);
    refresh();
}

void HistoryScreen::setCustomRange(const QDate& from, const QDate& to) {
    m_controls->setCustomRange(from, to);
    refresh();
}

void HistoryScreen::setInterface(const QString& name) {
    m_controls->setInterface(name);
    refresh();
}

void HistoryScreen::refresh() {
    m_queried = true;
    const HistoryRequest request = makeRequest();
    m_busyId = request.id;
    setBusy(true);
    Q_EMIT queryRequested(request);
}

HistoryRequest HistoryScreen::makeRequest() {
    const TimeRange range = m_controls->timeRange(std::chrono::system_clock::now());
    HistoryRequest request;
    request.id = m_nextId++;
    request.since = range.since;
    request.until = range.until;
    request.step = m_controls->step();
    const QString name = m_controls->interfaceName();
    if (!name.isEmpty()) {
        request.interfaceName = name.toStdString();
    }
    request.excluded.assign(m_virtual.begin(), m_virtual.end());
    if (m_virtual.count("lo") == 0) {
        request.excluded.push_back("lo");
    }
    return request;
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
    m_controls->setInterfaceChoices(result.interfaces);
    m_controls->setExportEnabled(result.error.empty() && !result.rows.empty());
    m_totals->showResult(result);
    if (!result.error.empty()) {
        m_panel->showMessage(tr("History could not be read.\n%1").arg(shownText(result.error)));
        m_status->setText(tr("History could not be read"));
        return;
    }
    m_panel->showBuckets(result.buckets, result.request.step);
    m_status->setText(
        tr("Updated %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
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

HistoryChart* HistoryScreen::chart() const {
    return m_panel->chart();
}

KpiCard* HistoryScreen::totalCard(int index) const {
    return m_totals->card(index);
}

}  // namespace netmon::gui
