// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/model/snapshot.h"
#include "gui/screens/history/history_controls.h"
#include "gui/types/history_request.h"

class QLabel;
class QProgressBar;

namespace netmon::gui {

class HistoryChart;
class HistoryChartPanel;
class HistoryTotals;
class KpiCard;

// Traffic per hour, day or month from the history database over a chosen range, with totals
// and CSV export. Queries run in the storage worker; the screen shows a busy state meanwhile
// and ignores answers to requests it has since replaced.
class HistoryScreen : public QWidget {
    Q_OBJECT
public:
    using Range = HistoryControls::Range;

    explicit HistoryScreen(QWidget* parent = nullptr);

    void showSnapshot(const Snapshot& snapshot);  // remembers which interfaces are virtual
    void showResult(const HistoryResult& result);
    void exportFinished(const QString& path, const QString& error);

    void setRange(Range range);
    void setStep(HistoryStep step);
    void setCustomRange(const QDate& from, const QDate& to);  // local days, inclusive
    void setInterface(const QString& name);                   // empty: all physical interfaces
    // Asks the worker for the chosen range now.
    void refresh();
    // Asks the worker to write what is shown to `path` as CSV.
    void exportTo(const QString& path);

    [[nodiscard]] bool busy() const { return m_busyId != 0; }
    [[nodiscard]] HistoryChart* chart() const;
    [[nodiscard]] KpiCard* totalCard(int index) const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] const std::optional<HistoryResult>& shown() const { return m_result; }

Q_SIGNALS:
    void queryRequested(const netmon::gui::HistoryRequest& request);
    void exportRequested(const QString& path, const netmon::gui::HistoryResult& result);

protected:
    void showEvent(QShowEvent* event) override;

private:
    HistoryRequest makeRequest();
    void setBusy(bool busy);
    void chooseExportFile();

    QLabel* m_status;
    QProgressBar* m_progress;
    HistoryTotals* m_totals;
    HistoryChartPanel* m_panel;
    HistoryControls* m_controls;

    std::set<std::string> m_virtual;
    std::uint64_t m_nextId = 1;
    std::uint64_t m_busyId = 0;
    bool m_queried = false;
    std::optional<HistoryResult> m_result;
};

}  // namespace netmon::gui
