// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <thread>

#include "core/aggregator.h"
#include "core/model/snapshot.h"

namespace netmon::gui {

// Realistic-looking ticks without touching the OS, for the load benchmark (`--fake-load`):
// `flows` connections (1 % replaced per tick, bytes and rates moving), `interfaces` NICs,
// hosts and processes summed from the flows by core's Aggregator.
class SyntheticLoad {
public:
    using Sink = std::function<void(const Snapshot&)>;

    SyntheticLoad(int flows, int interfaces);
    ~SyntheticLoad();
    SyntheticLoad(const SyntheticLoad&) = delete;
    SyntheticLoad& operator=(const SyntheticLoad&) = delete;

    // One tick (also what the thread calls).
    Snapshot next();
    // Calls `sink` with next() every `period` on a thread of its own until destroyed.
    void start(Sink sink, std::chrono::milliseconds period);

private:
    FlowStat makeFlow();

    int m_flowCount;
    int m_interfaceCount;
    std::uint64_t m_sequence = 0;
    std::uint64_t m_nextId = 1;
    std::mt19937_64 m_random{42};
    std::vector<FlowStat> m_flows;
    std::vector<InterfaceStat> m_interfaces;
    Aggregator m_aggregator;
    std::jthread m_thread;
};

}  // namespace netmon::gui
