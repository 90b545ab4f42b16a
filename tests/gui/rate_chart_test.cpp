// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's painted rate chart against hand-computed truths: the unit and tick labels for
// known peaks, clock labels on round times that never overlap, the tooltip at a pointed sample,
// empty and odd data, where the lines land at 1× and 2× pixel ratios, theme changes. Saves a
// hovered close-up and an empty one as <build>/screenshots/chart-rate-*.png.
#include "gui/widgets/rate_chart.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFontMetricsF>
#include <QFrame>
#include <QPainter>
#include <QTest>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "gui/theme/theme.h"

using namespace netmon::gui;

namespace {

// 14:03:07 local time: the window's end in these tests.
double endMs() {
    return static_cast<double>(QDateTime(QDate(2026, 11, 26), QTime(14, 3, 7)).toMSecsSinceEpoch());
}

// One point a second over the `seconds` before endMs(), both ends included.
QList<QPointF> perSecond(int seconds, double (*value)(int)) {
    QList<QPointF> points;
    for (int i = 0; i <= seconds; ++i) {
        points.append(QPointF(endMs() - (seconds - i) * 1000.0, value(i)));
    }
    return points;
}

double distance(const QColor& a, const QColor& b) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
           std::abs(a.blue() - b.blue());
}

// The y (logical pixels) in column `x` whose pixel is nearest `color`, and how near it is.
std::pair<double, double> nearestRow(const QImage& image, double x, const QColor& color) {
    const double ratio = image.devicePixelRatio();
    const int column = static_cast<int>(x * ratio);
    int bestRow = 0;
    double best = std::numeric_limits<double>::max();
    for (int row = 0; row < image.height(); ++row) {
        const double d = distance(image.pixelColor(column, row), color);
        if (d < best) {
            best = d;
            bestRow = row;
        }
    }
    return {(bestRow + 0.5) / ratio, best};
}

QImage render(RateChart& chart, double ratio) {
    QImage image(chart.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(QApplication::palette().color(QPalette::Base));
    chart.render(&image);
    return image;
}

}  // namespace

class RateChartTest : public QObject {
    Q_OBJECT
private:
    // Every label is a clock time inside the window, on a multiple of one round step, and
    // centred on its time without touching its neighbours or leaving the widget.
    static void checkTimeLabels(const RateChart& chart, double spanMs, const QString& format,
                                const QList<int>& roundSteps, int atLeast) {
        const QStringList labels = chart.timeLabels();
        QVERIFY2(labels.size() >= atLeast, qPrintable(labels.join(u' ')));
        const QRectF plot = chart.plotArea();
        const QFontMetricsF metrics(chart.font());
        const QDate day = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(endMs())).date();
        QList<double> times;
        for (const QString& label : labels) {
            const QTime time = QTime::fromString(label, format);
            QVERIFY2(time.isValid(), qPrintable(label));
            times.append(static_cast<double>(QDateTime(day, time).toMSecsSinceEpoch()));
            QVERIFY(times.last() >= endMs() - spanMs && times.last() <= endMs());
        }
        const int step = static_cast<int>((times[1] - times[0]) / 1000);
        QVERIFY2(roundSteps.contains(step), qPrintable(QString::number(step)));
        double previousRight = -1e9;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const auto seconds = static_cast<qint64>(times[i] / 1000);
            QCOMPARE(seconds % step, 0);
            if (i > 0) {
                QCOMPARE(static_cast<int>((times[i] - times[i - 1]) / 1000), step);
            }
            const double x = plot.left() + (times[i] - (endMs() - spanMs)) / spanMs * plot.width();
            const double width = metrics.horizontalAdvance(labels[i]);
            QVERIFY(x - width / 2 >= 0);
            QVERIFY(x + width / 2 <= chart.width());
            QVERIFY2(x - width / 2 > previousRight, qPrintable(labels[i]));
            previousRight = x + width / 2;
        }
    }

private Q_SLOTS:
    void initTestCase() {
        applyTheme(*qApp, ThemeName::Dark);
        QDir().mkpath(QStringLiteral(NETMON_SCREENSHOT_DIR));
    }

    void unitAndTicksForKnownPeaks() {
        RateChart chart;
        chart.resize(700, 300);
        // 12.5 Mbit/s: + 10 % = 13.75, a quarter of it 3.4 → step 5 → 0, 5, 10, 15.
        chart.setData(perSecond(60, [](int) { return 12.5e6; }), {}, 12.5e6, endMs(), 60'000);
        QCOMPARE(chart.unit(), QStringLiteral("Mbit/s"));
        QCOMPARE(chart.pointCount(), 61);
        QCOMPARE(chart.valueLabels(), (QStringList{"0", "5 Mbit/s", "10 Mbit/s", "15 Mbit/s"}));
        // 950 bit/s: 1045 / 4 = 261 → step 500 → 0 … 1500 bit/s.
        chart.setData(perSecond(60, [](int) { return 950.0; }), {}, 950, endMs(), 60'000);
        QCOMPARE(chart.valueLabels(), (QStringList{"0", "500 bit/s", "1000 bit/s", "1500 bit/s"}));
        // 1 Gbit/s: 1.1 / 4 = 0.275 → step 0.5 → 0 … 1.5 Gbit/s.
        chart.setData(perSecond(60, [](int) { return 1e9; }), {}, 1e9, endMs(), 60'000);
        QCOMPARE(chart.valueLabels(), (QStringList{"0", "0.5 Gbit/s", "1 Gbit/s", "1.5 Gbit/s"}));
        // Huge: 3.2 Pbit/s is 3200 Tbit/s, the largest unit: 3520 / 4 = 880 → step 1000.
        chart.setData(perSecond(60, [](int) { return 3.2e15; }), {}, 3.2e15, endMs(), 60'000);
        QCOMPARE(chart.valueLabels(),
                 (QStringList{"0", "1000 Tbit/s", "2000 Tbit/s", "3000 Tbit/s", "4000 Tbit/s"}));
        // The peak passed in is not trusted: a higher point widens the axis.
        chart.setData(perSecond(60, [](int i) { return i == 30 ? 40e6 : 1e6; }), {}, 1e6, endMs(),
                      60'000);
        // 44 / 4 = 11 → step 20 → 0, 20, 40, 60.
        QCOMPARE(chart.valueLabels().last(), QStringLiteral("60 Mbit/s"));
        QVERIFY(!render(chart, 1).isNull());
    }

    void clockLabelsAreRoundAndNeverOverlap() {
        RateChart chart;
        chart.resize(700, 300);
        chart.setData(perSecond(60, [](int) { return 1e6; }), {}, 1e6, endMs(), 60'000);
        checkTimeLabels(chart, 60'000, QStringLiteral("HH:mm:ss"), {5, 10, 15}, 4);
        chart.resize(330, 300);  // narrower: fewer labels, still clear of each other
        checkTimeLabels(chart, 60'000, QStringLiteral("HH:mm:ss"), {15, 30}, 2);
        chart.resize(700, 300);
        chart.setData(perSecond(300, [](int) { return 1e6; }), {}, 1e6, endMs(), 300'000);
        checkTimeLabels(chart, 300'000, QStringLiteral("HH:mm"), {60, 120}, 3);
        chart.setData(perSecond(3600, [](int) { return 1e6; }), {}, 1e6, endMs(), 3'600'000);
        checkTimeLabels(chart, 3'600'000, QStringLiteral("HH:mm"), {600, 900}, 4);
    }

    void tooltipShowsTheNearestSample() {
        RateChart chart;
        chart.resize(700, 300);
        chart.setData(perSecond(60, [](int i) { return i * 1e5; }),
                      perSecond(60, [](int i) { return i * 1e4; }), 6e6, endMs(), 60'000);
        const QRectF plot = chart.plotArea();
        // The sample 30 s into the window (14:02:37), pointed at 0.3 s off it.
        const double x = plot.left() + (30.3 / 60.0) * plot.width();
        QCOMPARE(chart.toolTipAt(QPointF(x, plot.center().y())),
                 QStringLiteral("14:02:37\nDownload 3.00 Mbit/s\nUpload 300 kbit/s"));
        QCOMPARE(chart.toolTipAt(QPointF(plot.right(), plot.top())),
                 QStringLiteral("14:03:07\nDownload 6.00 Mbit/s\nUpload 600 kbit/s"));
        QVERIFY(chart.toolTipAt(QPointF(plot.center().x(), 2)).isEmpty());  // the legend row
        QVERIFY(chart.toolTipAt(QPointF(2, plot.center().y())).isEmpty());  // the value labels

        // Moving the mouse over it sets the hover; leaving clears it.
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTest::mouseMove(&chart, QPoint(static_cast<int>(x), static_cast<int>(plot.center().y())));
        QTRY_VERIFY(chart.hoverPosition().has_value());
        QVERIFY(!chart.grab().isNull());  // paints the marker and the tooltip
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(&chart, &leave);
        QVERIFY(!chart.hoverPosition().has_value());
    }

    void emptyAndOddData() {
        RateChart chart;
        chart.resize(600, 260);
        QVERIFY(!render(chart, 1).isNull());  // never given data
        chart.setData({}, {}, 0, endMs(), 60'000);
        QCOMPARE(chart.pointCount(), 0);
        QVERIFY(chart.valueLabels().isEmpty());  // no data, no invented scale
        QVERIFY(!chart.timeLabels().isEmpty());  // the window is still known
        QVERIFY(chart.toolTipAt(chart.plotArea().center()).isEmpty());
        QVERIFY(!render(chart, 1).isNull());

        // All zero: a 0 … 1 bit/s axis with the lines on the baseline.
        chart.setData(perSecond(60, [](int) { return 0.0; }),
                      perSecond(60, [](int) { return 0.0; }), 0, endMs(), 60'000);
        QCOMPARE(chart.unit(), QStringLiteral("bit/s"));
        QCOMPARE(chart.valueLabels(), (QStringList{"0", "1 bit/s"}));
        QVERIFY(!render(chart, 1).isNull());

        // One point: shown (a dot), and pointed at anywhere on the plot.
        chart.setData({QPointF(endMs(), 2e6)}, {QPointF(endMs(), 1e5)}, 2e6, endMs(), 60'000);
        QCOMPARE(chart.pointCount(), 1);
        QCOMPARE(chart.toolTipAt(chart.plotArea().center()),
                 QStringLiteral("14:03:07\nDownload 2.00 Mbit/s\nUpload 100 kbit/s"));
        QVERIFY(!render(chart, 1).isNull());

        // NaN and infinite values are left out, negative rates drawn as 0; a bad window draws
        // no clock labels.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        chart.setData(
            {QPointF(endMs() - 2000, nan), QPointF(endMs() - 1000, inf), QPointF(endMs(), -5)},
            {QPointF(nan, 1)}, nan, endMs(), 0);
        QCOMPARE(chart.pointCount(), 1);
        QVERIFY(chart.timeLabels().isEmpty());
        QVERIFY(!render(chart, 1).isNull());

        // Too small for a plot: nothing breaks, nothing is labelled.
        chart.setData(perSecond(60, [](int) { return 1e6; }), {}, 1e6, endMs(), 60'000);
        chart.resize(40, 30);
        QVERIFY(chart.valueLabels().isEmpty());
        QVERIFY(chart.toolTipAt(QPointF(20, 15)).isEmpty());
        QVERIFY(!render(chart, 1).isNull());
    }

    // A constant 7.5 Mbit/s download and 2.5 Mbit/s upload on a 0 … 10 Mbit/s axis lie at 3/4
    // and 1/4 of the plot's height, at 1× and at 2× device pixels.
    void linesLandWhereTheValuesSay() {
        RateChart chart;
        chart.resize(640, 280);
        chart.setData(perSecond(60, [](int) { return 7.5e6; }),
                      perSecond(60, [](int) { return 2.5e6; }), 7.5e6, endMs(), 60'000);
        QCOMPARE(chart.valueLabels().last(), QStringLiteral("10 Mbit/s"));
        const QRectF plot = chart.plotArea();
        const ChartColors colors = chartColors(QApplication::palette());
        for (const double ratio : {1.0, 2.0}) {
            const QImage image = render(chart, ratio);
            const auto [downloadY, downloadDistance] =
                nearestRow(image, plot.center().x(), colors.download);
            QVERIFY2(downloadDistance < 60, qPrintable(QString::number(downloadDistance)));
            QVERIFY(std::abs(downloadY - (plot.bottom() - 0.75 * plot.height())) <= 1.5);
            const auto [uploadY, uploadDistance] =
                nearestRow(image, plot.center().x(), colors.upload);
            QVERIFY(uploadDistance < 60);
            QVERIFY(std::abs(uploadY - (plot.bottom() - 0.25 * plot.height())) <= 1.5);
        }
    }

    void followsTheTheme() {
        RateChart chart;
        chart.resize(640, 280);
        chart.setData(perSecond(60, [](int) { return 7.5e6; }), {}, 7.5e6, endMs(), 60'000);
        const double x = chart.plotArea().center().x();
        applyTheme(*qApp, ThemeName::Light);
        const QColor light = chartColors(QApplication::palette()).download;
        QVERIFY(nearestRow(render(chart, 1), x, light).second < 60);
        applyTheme(*qApp, ThemeName::Dark);
        const QColor dark = chartColors(QApplication::palette()).download;
        QVERIFY(dark != light);
        QVERIFY(nearestRow(render(chart, 1), x, dark).second < 60);
    }

    // For people to look at: the chart in its panel, pointed at.
    void hoveredCloseUp() {
        QFrame panel;
        panel.setObjectName(QStringLiteral("panel"));
        auto* layout = new QVBoxLayout(&panel);
        auto* chart = new RateChart(&panel);
        layout->addWidget(chart);
        panel.resize(760, 320);
        chart->setData(perSecond(300, [](int i) { return 4e6 + 3e6 * std::sin(i / 9.0); }),
                       perSecond(300, [](int i) { return 6e5 + 2e5 * std::cos(i / 7.0); }), 7e6,
                       endMs(), 300'000);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QRectF plot = chart->plotArea();
        QTest::mouseMove(chart, QPoint(static_cast<int>(plot.left() + plot.width() * 0.62),
                                       static_cast<int>(plot.center().y())));
        QTRY_VERIFY(chart->hoverPosition().has_value());
        QVERIFY(panel.grab().save(QStringLiteral(NETMON_SCREENSHOT_DIR "/chart-rate-hover.png")));
        // The first second after start: the window, and a word on what is coming.
        chart->setData({}, {}, 0, endMs(), 60'000);
        QVERIFY(panel.grab().save(QStringLiteral(NETMON_SCREENSHOT_DIR "/chart-rate-waiting.png")));
    }
};

QTEST_MAIN(RateChartTest)
#include "rate_chart_test.moc"
