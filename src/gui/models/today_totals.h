// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
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
    void clearBaseline();
    [[nodiscard]] Totals totals(const Include& include) const;

private:
    struct Bytes {
        std::uint64_t rx = 0;
        std::uint64_t tx = 0;
    };
    using PerInterface = std::map<std::string, Bytes>;

    void startDayIfNeeded(TimePoint time);
    static void addTo(PerInterface& sums, const Snapshot& snapshot);

    std::optional<TimePoint> m_dayEnd;
    std::uint64_t m_baselineGeneration = 0;  // 0: no baseline
    PerInterface m_baseline;
    PerInterface m_recorded;  // ticks recorded under the baseline's generation
    std::uint64_t m_heldGeneration = 0;
    PerInterface m_held;     // ticks of a newer generation waiting for its baseline
    PerInterface m_session;  // every tick today, for when there is no baseline
};

}  // namespace netmon::gui
