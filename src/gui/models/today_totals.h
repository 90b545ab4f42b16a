// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/snapshot.h"
#include "storage/history_types.h"

namespace netmon::gui {

// Today's received and sent bytes for the dashboard, without a query per tick: the totals the
// database held when it was opened (the baseline, read before its writer recorded anything)
// plus every tick this session recorded into that same database since. Ticks of a database
// whose baseline has not arrived yet are held aside and joined to it; at local midnight
// everything starts again from zero. Without history it counts this session's ticks only.
class TodayTotals {
public:
    using TimePoint = std::chrono::system_clock::time_point;
    using Include = std::function<bool(const std::string& interfaceName)>;

    struct Totals {
        std::uint64_t rxBytes = 0;
        std::uint64_t txBytes = 0;
        bool sessionOnly = false;  // no database baseline: since the app started (today)
    };

    // `writerGeneration`: the database that recorded this tick (0: none).
    void add(const Snapshot& snapshot, std::uint64_t writerGeneration);
    void setBaseline(std::uint64_t generation, const std::vector<storage::UsageTotals>& usage,
                     TimePoint readAt);
    // The service's totals, which hold its ticks up to `coveredUntil` (the last tick its
    // database had; none: no tick lately). The ticks this app saw after that are added from
    // the tick log, so a tick is counted once whether or not the service had written it yet.
    // Asked again now and then, which also fills in ticks the app missed while reconnecting.
    // Call before the first tick with the service: keeps the tick log setServiceBaseline needs.
    void logTicks() { m_logTicks = true; }
    void setServiceBaseline(std::uint64_t generation,
                            const std::vector<storage::UsageTotals>& usage, TimePoint readAt,
                            std::optional<TimePoint> coveredUntil);
    void clearBaseline();
    [[nodiscard]] Totals totals(const Include& include) const;

private:
    struct Bytes {
        std::uint64_t rx = 0;
        std::uint64_t tx = 0;
    };
    using PerInterface = std::map<std::string, Bytes>;

    void startDayIfNeeded(TimePoint time);
    void logTick(const Snapshot& snapshot);
    static void addTo(PerInterface& sums, const Snapshot& snapshot);

    std::optional<TimePoint> m_dayEnd;
    std::uint64_t m_baselineGeneration = 0;  // 0: no baseline
    PerInterface m_baseline;
    PerInterface m_recorded;  // ticks recorded under the baseline's generation
    std::uint64_t m_heldGeneration = 0;
    PerInterface m_held;      // ticks of a newer generation waiting for its baseline
    PerInterface m_session;   // every tick today, for when there is no baseline
    bool m_logTicks = false;  // with the service: today's recent ticks, by time
    std::deque<std::pair<TimePoint, PerInterface>> m_log;
};

}  // namespace netmon::gui
