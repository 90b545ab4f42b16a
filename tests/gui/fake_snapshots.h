// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/snapshot.h"

namespace netmon::test {

// A laptop on a home network with known figures, for the GUI tests and screenshots:
//   eth0   ethernet 1 Gbit/s  10.0 Mbit/s down, 1.00 Mbit/s up
//   wlan0  wireless           2.50 Mbit/s down,  500 kbit/s up
//   lo, docker0 (down), veth3f2a1b: loopback and virtual, left out of "all interfaces"
// So "all interfaces" is 12.5 Mbit/s down and 1.50 Mbit/s up, and each tick moves
// 1,562,500 bytes in and 187,500 bytes out over the physical interfaces (1 s ticks).
// Flows: 14 named ones (TCP with byte counts, UDP without, listeners, another user's sockets,
// TIME_WAIT) plus `extraFlows` firefox/chromium CDN connections; hosts and processes are summed
// from the flows. `scale` multiplies every rate and tick delta (1.0 gives the figures above).
struct SnapshotOptions {
    std::uint64_t sequence = 1;
    std::chrono::system_clock::time_point wallTime = std::chrono::system_clock::now();
    double scale = 1.0;
    int extraFlows = 26;
    bool flowsVisible = true;
};

Snapshot realisticSnapshot(const SnapshotOptions& options = {});

InterfaceStat makeNic(const std::string& name, InterfaceKind kind, double rxBps, double txBps,
                      double seconds = 1.0);
FlowStat makeTcpFlow(std::uint64_t id, const std::string& remote, std::uint16_t remotePort,
                     const std::string& process, std::uint64_t bytesIn, std::uint64_t bytesOut);
// A connected UDP flow as basic mode sees it: no byte counts, no rates.
FlowStat makeUdpFlow(std::uint64_t id, const std::string& remote, std::uint16_t remotePort,
                     const std::string& process);
// Hosts and processes summed from the flows by core's Aggregator (one 1 s tick at the flows'
// rates): UDP flows have no counts, so a host reached only over UDP has unknown bytes and one
// with UDP and TCP flows a lower bound.
void aggregate(Snapshot& snapshot);

constexpr const char* kBasicNote =
    "Basic mode: TCP bytes come from the kernel's tcp_info; UDP flows show no byte counts and "
    "other users' processes stay unnamed. Deep mode (admin rights) counts every packet.";

}  // namespace netmon::test
