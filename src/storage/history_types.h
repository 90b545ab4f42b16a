// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace netmon::storage {

using TimePoint = std::chrono::system_clock::time_point;

// Traffic of one interface over one tick (deltas, not the OS's cumulative counters).
struct InterfaceSample {
    std::string interfaceName;
    TimePoint time;  // end of the tick, wall clock
    std::chrono::milliseconds duration{0};
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
};

// Traffic of one remote host or one process over one tick, for the per-host and per-process
// history (kept per hour and per day).
enum class Breakdown { Host, Process };

// "host" or "process", as `netmon history --by` takes it.
std::string_view toString(Breakdown dimension);
std::optional<Breakdown> parseBreakdown(std::string_view text);

struct BreakdownSample {
    Breakdown dimension = Breakdown::Host;
    std::string name;  // host address as shown (masked when the privacy setting says so), or
                       // process name
    TimePoint time;
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    // The sum of the tick's keys beyond those kept by name (keepLargest); `name` is unused.
    bool other = false;
};

// What the writer queues: one interface's tick, or one host's or process's tick.
using Sample = std::variant<InterfaceSample, BreakdownSample>;

enum class Resolution { Raw, Minute, Hour, Day };

std::string_view toString(Resolution resolution);
std::optional<Resolution> parseResolution(std::string_view text);

struct HistoryQuery {
    std::optional<std::string> interfaceName;  // empty: every interface
    TimePoint since;                           // inclusive
    TimePoint until;                           // exclusive
    Resolution resolution = Resolution::Hour;
};

// One bucket of one interface: raw rows are single ticks; rollups start at the bucket's start
// (minute and hour in UTC, day at local midnight).
struct HistoryRow {
    TimePoint start;
    std::string interfaceName;
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
};

// What vnStat users look at: today's and this month's totals (local calendar).
struct UsageTotals {
    std::string interfaceName;
    std::uint64_t todayRxBytes = 0;
    std::uint64_t todayTxBytes = 0;
    std::uint64_t monthRxBytes = 0;
    std::uint64_t monthTxBytes = 0;
};

// Totals per host or per process over [since, until), from the hourly rollups (so the range is
// widened to whole hours).
struct BreakdownQuery {
    Breakdown dimension = Breakdown::Host;
    TimePoint since;
    TimePoint until;
    std::size_t limit = 10;  // the top N by bytes in + out
};

struct BreakdownRow {
    std::string name;  // "other" for the sum beyond the top N that history keeps
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    bool other = false;  // that "other" row: never a host or process, whatever its name
};

struct RetentionPolicy {
    std::chrono::hours rawWindow{24};  // single ticks are kept this long
    int retentionDays = 90;            // minute, hour and day rollups are kept this long
    // Hosts and processes with a row of their own per hour and per day (each); the rest are
    // summed in one "other" row (the setting history_top_n).
    std::size_t breakdownTopN = 200;
};

}  // namespace netmon::storage
