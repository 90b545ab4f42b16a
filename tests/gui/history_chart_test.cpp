// SPDX-License-Identifier: GPL-3.0-or-later
// The History screen's painted bar chart against hand-computed truths: bar count, unit and ticks,
// which bars are labelled for N buckets at a width (round hours, Mondays, every month where they
// fit; never overlapping, each under its bar), the tooltip of a pointed bar, bar heights at 1×
// and 2× pixel ratios, empty and odd data. Saves hovered close-ups as
// <build>/screenshots/chart-history-*.png.
#include "gui/widgets/history_chart.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFontMetricsF>
#include <QFrame>
#include <QTest>
#include <QVBoxLayout>
#include <chrono>
#include <cmath>
#include <limits>

#include "gui/theme/theme.h"
#include "gui/widgets/chart_style.h"

using namespace netmon;
using namespace netmon::gui;

namespace {

constexpr std::uint64_t kMiB = 1024ULL * 1024;
constexpr std::uint64_t kGiB = 1024 * kMiB;

storage::TimePoint at(const QDateTime& time) {
    return storage::TimePoint(std::chrono::milliseconds(time.toMSecsSinceEpoch()));
}

// `count` buckets of one `step` each from local midnight of `first`, with rx(i) and tx(i) bytes.
std::vector<HistoryBucket> buckets(HistoryStep step, QDate first, int count,
                                   std::uint64_t (*rx)(int), std::uint64_t (*tx)(int)) {
    std::vector<HistoryBucket> result;
    for (int i = 0; i < count; ++i) {
        const QDateTime start =
            step == HistoryStep::Hour  ? QDateTime(first, QTime(0, 0)).addSecs(3600LL * i)
            : step == HistoryStep::Day ? QDateTime(first.addDays(i), QTime(0, 0))
                                       : QDateTime(first.addMonths(i), QTime(0, 0));
        result.push_back({at(start), rx(i), tx(i)});
    }
    return result;
}

std::uint64_t some(int i) {
    return (1 + static_cast<std::uint64_t>(i % 9)) * 40 * kMiB;
}

QDateTime localStart(const HistoryBucket& bucket) {
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(bucket.start.time_since_epoch())
            .count());
}

}  // namespace

class HistoryChartTest : public QObject {
    Q_OBJECT
private:
    // The labels name bars every n-th bar (n from the chart's round series), sit inside the
    // widget under their bar, are as wide as their text, and keep clear of each other. Returns
    // the labelled bars.
    static QList<int> checkLabels(const HistoryChart& chart, const std::vector<HistoryBucket>& bars,
                                  HistoryStep step, int atLeast) {
        const QStringList labels = chart.timeLabels();
        const QList<QRectF> rects = chart.timeLabelRects();
        const QRectF plot = chart.plotArea();
        const double slot = plot.width() / static_cast<double>(bars.size());
        const QFontMetricsF metrics(chart.font());
        QList<int> indices;
        std::size_t next = 0;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            // Which bar: the next one whose short or dated label this is.
            while (next < bars.size() &&
                   labels[i] != HistoryChart::bucketLabel(bars[next].start, step, false) &&
                   labels[i] != HistoryChart::bucketLabel(bars[next].start, step, true) &&
                   labels[i] !=
                       HistoryChart::bucketLabel(bars[next].start, HistoryStep::Day, false)) {
                ++next;
            }
            if (next == bars.size()) {
                qWarning("label %s names no bar", qPrintable(labels[i]));
                return {};
            }
            indices.append(static_cast<int>(next++));
            const QRectF& rect = rects[i];
            const double centre = plot.left() + (indices.last() + 0.5) * slot;
            if (rect.left() < 0 || rect.right() > chart.width() || rect.left() > centre ||
                rect.right() < centre ||
                std::abs(rect.width() - metrics.horizontalAdvance(labels[i])) > 0.5 ||
                (i > 0 && rect.left() <= rects[i - 1].right())) {
                qWarning("label %s misplaced", qPrintable(labels[i]));
                return {};
            }
        }
        if (labels.size() < atLeast) {
            qWarning("only %d labels: %s", static_cast<int>(labels.size()),
                     qPrintable(labels.join(u' ')));
            return {};
        }
        const QList<int> series = step == HistoryStep::Hour
                                      ? QList<int>{1, 2, 3, 4, 6, 12, 24, 48, 72, 168}
                                  : step == HistoryStep::Day ? QList<int>{1, 2, 3, 7, 14, 28}
                                                             : QList<int>{1, 2, 3, 6, 12, 24, 60};
        for (qsizetype i = 1; i < indices.size(); ++i) {
            const int every = indices[i] - indices[i - 1];
            if (every != indices[1] - indices[0] || !series.contains(every)) {
                qWarning("irregular labels: %s", qPrintable(labels.join(u' ')));
                return {};
            }
        }
        return indices;
    }

private Q_SLOTS:
    void initTestCase() {
        applyTheme(*qApp, ThemeName::Dark);
        QDir().mkpath(QStringLiteral(NETMON_SCREENSHOT_DIR));
    }

    void barsUnitTicksAndTooltip() {
        HistoryChart chart;
        chart.resize(1280, 400);
        // Fri 20 … Thu 26 Nov 2026: (i + 1) × 512 MiB in, (i + 1) × 64 MiB out.
        chart.setBuckets(buckets(
                             HistoryStep::Day, QDate(2026, 11, 20), 7,
                             [](int i) { return (i + 1) * 512 * kMiB; },
                             [](int i) { return (i + 1) * 64 * kMiB; }),
                         HistoryStep::Day);
        QCOMPARE(chart.barCount(), 7);
        // Peak 3.5 GiB: 3.85 / 4 = 0.96 → step 1 → 0 … 4 GiB.
        QCOMPARE(chart.unit(), QStringLiteral("GiB"));
        QCOMPARE(chart.valueLabels(), (QStringList{"0", "1 GiB", "2 GiB", "3 GiB", "4 GiB"}));
        QCOMPARE(chart.timeLabels(),
                 (QStringList{"Fri 20 Nov", "Sat 21 Nov", "Sun 22 Nov", "Mon 23 Nov", "Tue 24 Nov",
                              "Wed 25 Nov", "Thu 26 Nov"}));
        const QRectF plot = chart.plotArea();
        const double slot = plot.width() / 7;
        // Anywhere over the fourth bar's slot: 4 × 512 MiB = 2 GiB in, 256 MiB out.
        for (const double within : {0.05, 0.5, 0.95}) {
            QCOMPARE(chart.toolTipAt(QPointF(plot.left() + (3 + within) * slot, plot.center().y())),
                     QStringLiteral("Mon 23 Nov\nReceived 2.00 GiB\nSent 256 MiB"));
        }
        QVERIFY(chart.toolTipAt(QPointF(plot.center().x(), 2)).isEmpty());  // the legend row
        QVERIFY(chart.toolTipAt(QPointF(2, plot.center().y())).isEmpty());  // the value labels
    }

    void hourLabelsOnRoundHoursWithTheDate() {
        HistoryChart chart;
        chart.resize(900, 320);
        const auto day = buckets(HistoryStep::Hour, QDate(2026, 11, 26), 24, some, some);
        chart.setBuckets(day, HistoryStep::Hour);
        QList<int> shown = checkLabels(chart, day, HistoryStep::Hour, 4);
        QVERIFY(!shown.isEmpty());
        QCOMPARE(chart.timeLabels().first(), QStringLiteral("Thu 26, 00:00"));  // dated: first
        const int every = shown.size() > 1 ? shown[1] - shown[0] : 24;
        for (const int bar : shown) {
            QCOMPARE(bar % every, 0);  // 00:00, 03:00 …: the buckets start at midnight
        }

        // A week of hours, wide and narrow: where the day changes the label has the date; where
        // only midnights are labelled, the label is the date alone.
        const auto week = buckets(HistoryStep::Hour, QDate(2026, 11, 20), 168, some, some);
        chart.setBuckets(week, HistoryStep::Hour);
        for (const int width : {1280, 900, 420}) {
            chart.resize(width, 320);
            shown = checkLabels(chart, week, HistoryStep::Hour, 3);
            QVERIFY2(!shown.isEmpty(), qPrintable(QString::number(width)));
            const int n = shown[1] - shown[0];
            QString lastDay;
            for (qsizetype i = 0; i < shown.size(); ++i) {
                const QDateTime start = localStart(week[static_cast<std::size_t>(shown[i])]);
                QCOMPARE(start.time().hour() % std::min(24, n), 0);
                const QString label = chart.timeLabels()[i];
                const QString dayName = start.toString(QStringLiteral("ddd d"));
                if (n >= 24) {
                    QCOMPARE(label, start.toString(QStringLiteral("ddd d MMM")));
                } else {
                    QCOMPARE(label.startsWith(dayName + u','), dayName != lastDay);
                }
                lastDay = dayName;
            }
        }

        // A month of hours in 900 px.
        const auto month = buckets(HistoryStep::Hour, QDate(2026, 10, 27), 720, some, some);
        chart.setBuckets(month, HistoryStep::Hour);
        chart.resize(900, 320);
        QVERIFY(!checkLabels(chart, month, HistoryStep::Hour, 3).isEmpty());
    }

    void dayAndMonthLabels() {
        HistoryChart chart;
        chart.resize(900, 320);
        // 30 days from Mon 27 Oct 2026: every day, every 2nd or 3rd, or every Monday.
        const auto days = buckets(HistoryStep::Day, QDate(2026, 10, 27), 30, some, some);
        chart.setBuckets(days, HistoryStep::Day);
        const QList<int> shown = checkLabels(chart, days, HistoryStep::Day, 3);
        QVERIFY(!shown.isEmpty());
        if ((shown[1] - shown[0]) % 7 == 0) {
            for (const int bar : shown) {
                QCOMPARE(localStart(days[static_cast<std::size_t>(bar)]).date().dayOfWeek(), 1);
            }
        }
        // Twelve months in a wide chart: every one.
        chart.resize(1280, 320);
        const auto year = buckets(HistoryStep::Month, QDate(2025, 12, 1), 12, some, some);
        chart.setBuckets(year, HistoryStep::Month);
        QCOMPARE(chart.timeLabels(), (QStringList{"Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026",
                                                  "Apr 2026", "May 2026", "Jun 2026", "Jul 2026",
                                                  "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"}));
        // Five years in a narrow one.
        chart.resize(420, 320);
        const auto years = buckets(HistoryStep::Month, QDate(2021, 12, 1), 60, some, some);
        chart.setBuckets(years, HistoryStep::Month);
        QVERIFY(!checkLabels(chart, years, HistoryStep::Month, 2).isEmpty());
        // One bar: labelled, at any width.
        const auto one = buckets(HistoryStep::Day, QDate(2026, 11, 26), 1, some, some);
        chart.setBuckets(one, HistoryStep::Day);
        for (const int width : {1280, 300}) {
            chart.resize(width, 260);
            QCOMPARE(chart.timeLabels(), QStringList{"Thu 26 Nov"});
            QVERIFY(!checkLabels(chart, one, HistoryStep::Day, 1).isEmpty());
        }
    }

    // 3 GiB in and 1 GiB out on a 0 … 4 GiB axis: the received bar reaches 3/4 of the plot, the
    // sent bar 1/4, at 1× and 2× device pixels.
    void barsAreAsHighAsTheirBytes() {
        HistoryChart chart;
        chart.resize(600, 300);
        chart.setBuckets(buckets(
                             HistoryStep::Day, QDate(2026, 11, 25), 2, [](int) { return 3 * kGiB; },
                             [](int) { return kGiB; }),
                         HistoryStep::Day);
        QCOMPARE(chart.valueLabels().last(), QStringLiteral("4 GiB"));
        const QRectF plot = chart.plotArea();
        const ChartColors colors = chartColors(QApplication::palette());
        for (const double ratio : {1.0, 2.0}) {
            QImage image(chart.size() * ratio, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(ratio);
            image.fill(QApplication::palette().color(QPalette::Base));
            chart.render(&image);
            // Which colours the first bar's slot has at a height (fraction of the plot).
            const auto colorsAt = [&](double fraction) {
                const int row =
                    static_cast<int>((plot.bottom() - fraction * plot.height()) * ratio);
                bool received = false;
                bool sent = false;
                for (int x = static_cast<int>(plot.left() * ratio);
                     x < static_cast<int>((plot.left() + plot.width() / 2) * ratio); ++x) {
                    received = received || image.pixelColor(x, row) == colors.download;
                    sent = sent || image.pixelColor(x, row) == colors.upload;
                }
                return std::pair{received, sent};
            };
            QCOMPARE(colorsAt(0.2), std::pair(true, true));
            QCOMPARE(colorsAt(0.5), std::pair(true, false));
            QCOMPARE(colorsAt(0.72), std::pair(true, false));
            QCOMPARE(colorsAt(0.78), std::pair(false, false));
        }
    }

    void emptyAndOddData() {
        HistoryChart chart;
        chart.resize(700, 300);
        QVERIFY(!chart.grab().isNull());  // never given data
        chart.setBuckets({}, HistoryStep::Day);
        QCOMPARE(chart.barCount(), 0);
        QVERIFY(chart.valueLabels().isEmpty());
        QVERIFY(chart.timeLabels().isEmpty());
        QVERIFY(chart.toolTipAt(chart.plotArea().center()).isEmpty());
        QVERIFY(!chart.grab().isNull());

        // All zero: bars of nothing on a 0 … 1 B axis, still named and pointable.
        chart.setBuckets(
            buckets(
                HistoryStep::Day, QDate(2026, 11, 24), 3, [](int) -> std::uint64_t { return 0; },
                [](int) -> std::uint64_t { return 0; }),
            HistoryStep::Day);
        QCOMPARE(chart.barCount(), 3);
        QCOMPARE(chart.valueLabels(), (QStringList{"0", "1 B"}));
        QCOMPARE(chart.timeLabels(), (QStringList{"Tue 24 Nov", "Wed 25 Nov", "Thu 26 Nov"}));
        QCOMPARE(chart.toolTipAt(chart.plotArea().center()),
                 QStringLiteral("Wed 25 Nov\nReceived 0 B\nSent 0 B"));
        QVERIFY(!chart.grab().isNull());

        // Huge: 5 PiB (5.5 / 4 = 1.4 → step 2), and the most a counter can hold.
        chart.setBuckets(buckets(
                             HistoryStep::Month, QDate(2026, 11, 1), 1,
                             [](int) { return 5 * 1024 * 1024 * kGiB; },
                             [](int) { return std::numeric_limits<std::uint64_t>::max(); }),
                         HistoryStep::Month);
        QCOMPARE(chart.unit(), QStringLiteral("PiB"));
        // 2^64 B = 16384 PiB: 18022 / 4 = 4506 → step 5000 → 0 … 20000 PiB.
        QCOMPARE(chart.valueLabels().last(), QStringLiteral("20000 PiB"));
        QVERIFY(!chart.grab().isNull());

        // Too small for a plot.
        chart.resize(50, 40);
        QVERIFY(chart.valueLabels().isEmpty());
        QVERIFY(chart.toolTipAt(QPointF(25, 20)).isEmpty());
        QVERIFY(!chart.grab().isNull());
    }

    // For people to look at: the chart in its panel, a bar pointed at.
    void hoveredCloseUps() {
        struct Case {
            const char* name;
            HistoryStep step;
            QDate first;
            int count;
            QSize size;
            double pointAt;  // along the plot
        };
        const Case cases[] = {
            {"week-by-hour", HistoryStep::Hour, QDate(2026, 11, 20), 168, QSize(1040, 360), 0.7},
            {"month-by-day", HistoryStep::Day, QDate(2026, 10, 28), 30, QSize(680, 300), 0.15},
            {"year-by-month", HistoryStep::Month, QDate(2025, 12, 1), 12, QSize(820, 300), 0.95},
        };
        for (const Case& c : cases) {
            QFrame panel;
            panel.setObjectName(QStringLiteral("panel"));
            auto* layout = new QVBoxLayout(&panel);
            auto* chart = new HistoryChart(&panel);
            layout->addWidget(chart);
            panel.resize(c.size);
            chart->setBuckets(
                buckets(
                    c.step, c.first, c.count,
                    [](int i) {
                        return static_cast<std::uint64_t>((1.2 + std::sin(i * 0.45)) * 700 * kMiB);
                    },
                    [](int i) {
                        return static_cast<std::uint64_t>((1.1 + std::cos(i * 0.3)) * 90 * kMiB);
                    }),
                c.step);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            const QRectF plot = chart->plotArea();
            QTest::mouseMove(chart, QPoint(static_cast<int>(plot.left() + plot.width() * c.pointAt),
                                           static_cast<int>(plot.top() + plot.height() * 0.4)));
            QTRY_VERIFY(chart->hoverPosition().has_value());
            QVERIFY(panel.grab().save(
                QStringLiteral(NETMON_SCREENSHOT_DIR "/chart-history-%1.png").arg(c.name)));
        }
    }
};

QTEST_MAIN(HistoryChartTest)
#include "history_chart_test.moc"
