// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "gui/types/history_request.h"

namespace netmon::gui {

class KpiCard;

// The History screen's three totals over the range shown: received (with the range), sent (with
// the interfaces), and both (with the busiest bar).
class HistoryTotals : public QWidget {
    Q_OBJECT
public:
    static constexpr int kCount = 3;

    explicit HistoryTotals(QWidget* parent = nullptr);

    void showResult(const HistoryResult& result);
    [[nodiscard]] KpiCard* card(int index) const { return m_cards[index]; }

private:
    KpiCard* m_cards[kCount] = {};
};

}  // namespace netmon::gui
