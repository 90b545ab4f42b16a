// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/sources/capture_source.h"
#include "integration/test_network.h"

namespace netmon::test {

// One interface's kernel counters (sysfs, read inside namespace a).
struct InterfaceCounters {
    std::uint64_t rxBytes = 0, txBytes = 0, rxPackets = 0, txPackets = 0;
};
InterfaceCounters kernelCounters(const TestNetwork& network, const std::string& interface);

// What the engine counted for the interface whose (only) address is `localAddress`: its flows
// (by local address) plus its other bucket.
InterfaceCounters engineTotals(const CaptureReading& reading, const std::string& interface,
                               const std::string& localAddress);

// Reads the engine until its totals for `interface` equal the kernel counters' growth since
// `baseline` (the capture hands frames over every ~100 ms), or 5 s pass; the last reading, with
// the warnings of every reading taken.
CaptureReading readUntilMatching(CaptureEngine& engine, const TestNetwork& network,
                                 const std::string& interface, const std::string& localAddress,
                                 const InterfaceCounters& baseline);
// gtest expectations: flows + other == kernel counters - baseline, per direction.
void expectSumsEqualCounters(const CaptureReading& reading, const TestNetwork& network,
                             const std::string& interface, const std::string& localAddress,
                             const InterfaceCounters& baseline);

std::optional<CapturedFlow> findFlow(const CaptureReading& reading, Protocol protocol,
                                     const std::string& localAddress, std::uint16_t localPort,
                                     const std::string& remoteAddress,
                                     std::optional<std::uint16_t> remotePort = std::nullopt);

// The flows to one local port from any remote port, added up.
CapturedFlow totalOfFlows(const CaptureReading& reading, Protocol protocol,
                          const std::string& localAddress, std::uint16_t localPort);

// A second veth pair between the namespaces of `network`, added (and removable) while a test
// runs: `ifA` (10.252.<tag>.1) in namespace a, `ifB` (.2) in b, quiet like the first.
class ExtraLink {
public:
    ExtraLink(const TestNetwork& network, const std::string& tag);
    ~ExtraLink();
    ExtraLink(const ExtraLink&) = delete;
    ExtraLink& operator=(const ExtraLink&) = delete;

    // `count` datagrams of `size` bytes from b to a socket bound on addressA:port.
    void sendUdpFromB(int count, int size, std::uint16_t port) const;
    void remove();

    std::string ifA, ifB, addressA, addressB;

private:
    const TestNetwork& m_network;
    bool m_present = true;
};

}  // namespace netmon::test
