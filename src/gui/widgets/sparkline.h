// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

class QPainter;

namespace netmon::gui {

// A small line of recent values without axes: the shape of the last minute at a glance.
class Sparkline : public QWidget {
    Q_OBJECT
public:
    explicit Sparkline(QWidget* parent = nullptr);

    void setValues(const QList<double>& values);
    [[nodiscard]] const QList<double>& values() const { return m_values; }
    QSize sizeHint() const override;

    // Shared with SparklineDelegate, which draws the same line inside table cells.
    static void paint(QPainter& painter, const QRectF& rect, const QList<double>& values,
                      const QColor& color);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<double> m_values;
};

}  // namespace netmon::gui
