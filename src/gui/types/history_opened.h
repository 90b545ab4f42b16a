// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/history_types.h"

namespace netmon::gui {

// The database as the app opened it, and today's totals in it at that moment (the baseline to
// which the dashboard adds what this session records under the same generation).
struct HistoryOpened {
    std::uint64_t generation = 0;
    std::string path;
    bool ok = false;
    std::string error;                  // why history is off, and what to do
    std::vector<std::string> warnings;  // e.g. a corrupt file was set aside
    std::vector<storage::UsageTotals> usage;
    storage::TimePoint usageTime;
    std::string recordedBy;  // another process records it: "1234 (netmon record)"
    // The service's database (read through the service): `usage` holds its ticks up to
    // `coveredUntil`, and ticks after that are this session's to add.
    bool service = false;
    storage::TimePoint coveredUntil;
};

}  // namespace netmon::gui

Q_DECLARE_METATYPE(netmon::gui::HistoryOpened)
