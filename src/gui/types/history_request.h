// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/history_types.h"

namespace netmon::gui {

// What the History screen shows per bar. Months are made from day rollups by the local calendar.
enum class HistoryStep : std::uint8_t { Hour, Day, Month };

struct HistoryRequest {
    std::uint64_t id = 0;  // answers to an older request are ignored
    storage::TimePoint since;
    storage::TimePoint until;
    HistoryStep step = HistoryStep::Day;
    std::optional<std::string> interfaceName;  // one interface; empty: all but `excluded`
    std::vector<std::string> excluded;  // loopback and virtual interfaces, for "all physical"
};

// One bar: every included interface summed over the step starting at `start`.
struct HistoryBucket {
    storage::TimePoint start;
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
};

struct HistoryResult {
    HistoryRequest request;
    std::vector<HistoryBucket> buckets;     // by start time
    std::vector<storage::HistoryRow> rows;  // per interface, what the buckets were made of
    std::vector<std::string> interfaces;    // every interface with data in the range
    std::uint64_t rxTotal = 0;
    std::uint64_t txTotal = 0;
    std::string error;  // the query failed: what and what to do; empty on success
};

}  // namespace netmon::gui

Q_DECLARE_METATYPE(netmon::gui::HistoryRequest)
Q_DECLARE_METATYPE(netmon::gui::HistoryResult)
