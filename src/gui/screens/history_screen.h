// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/model/snapshot.h"
#include "gui/types/history_request.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace netmon::gui {

class HistoryChart;
class KpiCard;

// Traffic per hour, day or month from the history database over a chosen range, with totals
// and CSV export. Queries run in the storage worker; the screen shows a busy state meanwhile
// and ignores answers to requests it has since replaced.
class HistoryScreen : public QWidget {
    Q_OBJECT
public:
    enum class Range { Last24Hours, Last7Days, Last30Days, ThisMonth, Last12Months, Custom };

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
    [[nodiscard]] HistoryChart* chart() const { return m_chart; }
    [[nodiscard]] KpiCard* totalCard(int index) const { return m_totals[index]; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] const std::optional<HistoryResult>& shown() const { return m_result; }

Q_SIGNALS:
    void queryRequested(const netmon::gui::HistoryRequest& request);
    void exportRequested(const QString& path, const netmon::gui::HistoryResult& result);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* makeControls();
    HistoryRequest makeRequest();
    void setBusy(bool busy);
    void chooseExportFile();
    void updateInterfaceChoices(const std::vector<std::string>& names);

    QComboBox* m_range = nullptr;
    QComboBox* m_step = nullptr;
    QComboBox* m_interface = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    KpiCard* m_totals[3] = {};
    HistoryChart* m_chart = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;

    std::set<std::string> m_virtual;
    std::uint64_t m_nextId = 1;
    std::uint64_t m_busyId = 0;
    bool m_queried = false;
    std::optional<HistoryResult> m_result;
};

}  // namespace netmon::gui
