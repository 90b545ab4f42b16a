// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QWidget>
#include <vector>

#include "gui/screens/history/history_range.h"
#include "gui/types/history_request.h"

class QComboBox;
class QDateEdit;
class QPushButton;

namespace netmon::gui {

// The History screen's row of choices: the range (a preset or custom days), the step of the
// bars, the interface, and the Refresh and Export buttons. The setters only show a choice; what
// the user does is reported by signals.
class HistoryControls : public QWidget {
    Q_OBJECT
public:
    enum class Range { Last24Hours, Last7Days, Last30Days, ThisMonth, Last12Months, Custom };

    explicit HistoryControls(QWidget* parent = nullptr);

    void setRange(Range range);  // with the step that suits it
    void setStep(HistoryStep step);
    void setCustomRange(const QDate& from, const QDate& to);  // local days, inclusive
    void setInterface(const QString& name);                   // empty: all physical interfaces
    // The interfaces with data in the range shown; the chosen one stays offered.
    void setInterfaceChoices(const std::vector<std::string>& names);
    void setExportEnabled(bool enabled);

    // The chosen range as times, counted back from `now`.
    [[nodiscard]] TimeRange timeRange(storage::TimePoint now) const;
    [[nodiscard]] HistoryStep step() const;
    [[nodiscard]] QString interfaceName() const;  // empty: all physical interfaces

Q_SIGNALS:
    // The user changed a choice or clicked Refresh: the history shown is out of date.
    void refreshRequested();
    void exportClicked();

private:
    QComboBox* m_range;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_step;
    QComboBox* m_interface;
    QPushButton* m_refresh;
    QPushButton* m_export;
};

}  // namespace netmon::gui
