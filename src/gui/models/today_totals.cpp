// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/today_totals.h"

#include "platform/calendar.h"

namespace netmon::gui {

void TodayTotals::startDayIfNeeded(TimePoint time) {
    if (m_dayEnd && time < *m_dayEnd) {
        return;
    }
    if (m_dayEnd) {  // midnight passed: yesterday's totals are history now
        m_baseline.clear();
        m_recorded.clear();
        m_held.clear();
        m_session.clear();
        m_log.clear();
    }
    m_dayEnd = nextLocalDayStart(time);
}

void TodayTotals::addTo(PerInterface& sums, const Snapshot& snapshot) {
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (stat.traffic) {
            Bytes& bytes = sums[stat.name];
            bytes.rx += stat.traffic->rxBytes;
            bytes.tx += stat.traffic->txBytes;
        }
    }
}

void TodayTotals::logTick(const Snapshot& snapshot) {
    // Longer than the service's writes take to reach its disk (a flush every 2 s) and than the
    // time between two baselines, so every tick past a baseline's last one is still here.
    constexpr auto kKept = std::chrono::minutes{10};
    PerInterface tick;
    addTo(tick, snapshot);
    m_log.emplace_back(snapshot.wallTime, std::move(tick));
    while (!m_log.empty() && m_log.front().first < snapshot.wallTime - kKept) {
        m_log.pop_front();
    }
}

void TodayTotals::add(const Snapshot& snapshot, std::uint64_t writerGeneration) {
    startDayIfNeeded(snapshot.wallTime);
    addTo(m_session, snapshot);
    if (m_logTicks) {
        logTick(snapshot);
    }
    if (writerGeneration != 0 && writerGeneration != m_baselineGeneration) {
        if (writerGeneration != m_heldGeneration) {
            m_heldGeneration = writerGeneration;
            m_held.clear();
        }
        addTo(m_held, snapshot);
    } else if (m_baselineGeneration != 0) {
        // Recorded under the baseline's database, or not recorded at all (writes stopped):
        // either way it is traffic of today that the baseline does not hold.
        addTo(m_recorded, snapshot);
    }
}

void TodayTotals::setBaseline(std::uint64_t generation,
                              const std::vector<storage::UsageTotals>& usage, TimePoint readAt) {
    startDayIfNeeded(readAt);
    m_baselineGeneration = generation;
    m_baseline.clear();
    for (const storage::UsageTotals& totals : usage) {
        m_baseline[totals.interfaceName] = Bytes{totals.todayRxBytes, totals.todayTxBytes};
    }
    m_recorded = generation == m_heldGeneration ? std::move(m_held) : PerInterface{};
    m_held.clear();
    m_heldGeneration = 0;
}

void TodayTotals::setServiceBaseline(std::uint64_t generation,
                                     const std::vector<storage::UsageTotals>& usage,
                                     TimePoint readAt, std::optional<TimePoint> coveredUntil) {
    setBaseline(generation, usage, readAt);
    m_recorded.clear();
    for (const auto& [time, tick] : m_log) {
        if (!coveredUntil || time > *coveredUntil) {
            for (const auto& [name, bytes] : tick) {
                m_recorded[name].rx += bytes.rx;
                m_recorded[name].tx += bytes.tx;
            }
        }
    }
}

void TodayTotals::clearBaseline() {
    m_baselineGeneration = 0;
    m_baseline.clear();
    m_recorded.clear();
}

TodayTotals::Totals TodayTotals::totals(const Include& include) const {
    Totals totals;
    const auto sum = [&](const PerInterface& sums) {
        for (const auto& [name, bytes] : sums) {
            if (include(name)) {
                totals.rxBytes += bytes.rx;
                totals.txBytes += bytes.tx;
            }
        }
    };
    if (m_baselineGeneration == 0) {
        totals.sessionOnly = true;
        sum(m_session);
    } else {
        sum(m_baseline);
        sum(m_recorded);
    }
    return totals;
}

}  // namespace netmon::gui
