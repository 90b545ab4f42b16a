// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/interface_stat.h"

namespace netmon {

// Turns cumulative interface counters into per-tick traffic and bits per second.
//
// - First reading of an interface: no traffic yet (it only sets the baseline).
// - Counters that go backwards, or an interface re-created under the same name (new index):
//   a reset; the new counter values are the traffic since then, never a negative rate.
// - 32-bit counters wrap (see counterStep).
// - A late tick, or one after missed ticks, is divided by the real elapsed steady time.
// - Interfaces absent from a reading are forgotten; when they come back they start afresh.
class RateCalculator {
public:
    // Fills `traffic` on every interface that has a previous reading.
    void update(std::vector<InterfaceStat>& interfaces, std::chrono::steady_clock::time_point now);
    // Forgets every baseline (e.g. when the set of monitored interfaces changes).
    void clear() { m_previous.clear(); }
    [[nodiscard]] std::size_t trackedInterfaces() const { return m_previous.size(); }

private:
    struct Reading {
        std::uint32_t index = 0;
        InterfaceCounters counters;
        std::chrono::steady_clock::time_point time;
    };
    std::unordered_map<std::string, Reading> m_previous;
};

}  // namespace netmon
