// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/snapshot_samples.h"

#include <cmath>

namespace netmon::storage {

std::vector<InterfaceSample> samplesFromSnapshot(const Snapshot& snapshot) {
    std::vector<InterfaceSample> samples;
    samples.reserve(snapshot.interfaces.size());
    for (const InterfaceStat& stat : snapshot.interfaces) {
        if (!stat.traffic) {
            continue;  // first reading or failed tick: no delta, and a 0 would be a lie
        }
        const InterfaceTraffic& traffic = *stat.traffic;
        samples.push_back(InterfaceSample{
            .interfaceName = stat.name,
            .time = snapshot.wallTime,
            .duration = std::chrono::milliseconds(std::llround(traffic.elapsedSeconds * 1000.0)),
            .rxBytes = traffic.rxBytes,
            .txBytes = traffic.txBytes,
            .rxPackets = traffic.rxPackets,
            .txPackets = traffic.txPackets,
        });
    }
    return samples;
}

std::vector<BreakdownSample> breakdownSamplesFromSnapshot(const Snapshot& snapshot,
                                                          bool storeHosts) {
    std::vector<BreakdownSample> samples;
    const auto add = [&](Breakdown dimension, const std::vector<TickTraffic>& traffic) {
        for (const TickTraffic& entry : traffic) {
            samples.push_back(BreakdownSample{dimension, entry.name, snapshot.wallTime,
                                              entry.bytesIn, entry.bytesOut});
        }
    };
    if (storeHosts) {
        add(Breakdown::Host, snapshot.hostTraffic);
    }
    add(Breakdown::Process, snapshot.processTraffic);
    return samples;
}

}  // namespace netmon::storage
