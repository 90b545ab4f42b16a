// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <vector>

class QGridLayout;

namespace netmon::gui {

// Lays out cards in as many equal columns as fit (6, 3, 2 or 1 for six cards), so they reflow
// from a 900-pixel window to a 4K screen without cutting anything off.
class KpiGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMinCardWidth = 210;

    explicit KpiGrid(QWidget* parent = nullptr);

    void addCard(QWidget* card);
    [[nodiscard]] int columns() const { return m_columns; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout(int width);

    QGridLayout* m_layout;
    std::vector<QWidget*> m_cards;
    int m_columns = 0;
};

}  // namespace netmon::gui
