// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rate_calculator.h"

#include "core/counter_delta.h"

namespace netmon {
namespace {

InterfaceTraffic trafficBetween(const InterfaceCounters& before, const InterfaceCounters& now,
                                unsigned bits, bool recreated, double elapsedSeconds) {
    const auto step = [&](std::uint64_t previous, std::uint64_t current) {
        // A re-created interface counts from zero, whatever its old counters said.
        return recreated ? CounterStep{current, false, true} : counterStep(previous, current, bits);
    };
    const CounterStep rxBytes = step(before.rxBytes, now.rxBytes);
    const CounterStep txBytes = step(before.txBytes, now.txBytes);
    const CounterStep rxPackets = step(before.rxPackets, now.rxPackets);
    const CounterStep txPackets = step(before.txPackets, now.txPackets);

    InterfaceTraffic traffic;
    traffic.rxBytes = rxBytes.delta;
    traffic.txBytes = txBytes.delta;
    traffic.rxPackets = rxPackets.delta;
    traffic.txPackets = txPackets.delta;
    traffic.elapsedSeconds = elapsedSeconds;
    traffic.rxBitsPerSecond = static_cast<double>(rxBytes.delta) * 8.0 / elapsedSeconds;
    traffic.txBitsPerSecond = static_cast<double>(txBytes.delta) * 8.0 / elapsedSeconds;
    traffic.counterReset = rxBytes.reset || txBytes.reset || rxPackets.reset || txPackets.reset;
    return traffic;
}

}  // namespace

void RateCalculator::update(std::vector<InterfaceStat>& interfaces,
                            std::chrono::steady_clock::time_point now) {
    std::unordered_map<std::string, Reading> current;
    current.reserve(interfaces.size());
    for (InterfaceStat& interface : interfaces) {
        interface.traffic.reset();
        Reading reading{interface.index, interface.counters, now};
        const auto previous = m_previous.find(interface.name);
        if (previous != m_previous.end()) {
            const std::chrono::duration<double> elapsed = now - previous->second.time;
            if (elapsed.count() > 0) {
                const bool recreated = previous->second.index != interface.index;
                interface.traffic =
                    trafficBetween(previous->second.counters, interface.counters,
                                   interface.counterBits, recreated, elapsed.count());
            } else {
                // No time has passed (a second reading in the same instant): keep the older
                // baseline so the next tick covers the whole interval.
                reading = previous->second;
            }
        }
        current.insert_or_assign(interface.name, reading);
    }
    m_previous = std::move(current);
}

}  // namespace netmon
