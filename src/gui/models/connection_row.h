// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

#include "core/model/flow_stat.h"

namespace netmon::gui {

// One row of the Connections table: a flow and the texts made from it once, when it arrives or
// its names change, rather than on every paint, sort or search.
struct ConnectionRow {
    std::uint64_t key = 0;  // FlowStat::id (or a hash of the 5-tuple where the OS gives none)
    FlowStat flow;
    QString local;   // "192.0.2.1:443", "[2001:db8::1]:443"
    QString remote;  // "*" for listeners
    QString process;
    QString haystack;  // lower-case text of every column, for the search box

    // The key a flow's row is found by, tick after tick.
    [[nodiscard]] static std::uint64_t keyOf(const FlowStat& flow);
    [[nodiscard]] static ConnectionRow from(FlowStat flow);
};

}  // namespace netmon::gui
