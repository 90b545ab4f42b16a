// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/sources/capture_source.h"
#include "integration/pcap_engine_support.h"
#include "integration/test_network.h"

namespace netmon::test {

// The same traffic and the same checks for every capture engine (libpcap, eBPF): what the test
// sent, to the byte, and flows + other equal to the veth's own counters, per direction.
struct EngineUnderTest {
    CaptureEngine& engine;
    const TestNetwork& network;
    const InterfaceCounters& baseline;  // namespace a's veth, when capture started
    // engine.setInterfaces(names) from inside namespace a, asserting success.
    std::function<void(const std::vector<std::string>&)> attach;
};

// The process a flow's socket belongs to, for engines that tell it.
struct ExpectedOwner {
    std::uint32_t pid = 0;
    std::string command;
};

// UDP of four sizes (5 datagrams each, ports 47000…), a 300,000/20,000-byte TCP transfer on
// port 47100 and five 300-byte pings, from b to a; then checks every flow to the byte and
// packet. With `owner`, UDP and TCP flows carry that process and ICMP none.
void checkMixedTrafficCountedExactly(const EngineUnderTest& test,
                                     const std::optional<ExpectedOwner>& owner);

// A second veth pair attached mid-capture is counted exactly, and the first stays exact.
void checkInterfaceAddedIsPickedUp(const EngineUnderTest& test, const std::string& tag);

// A veth deleted mid-capture gives "capture on X ended", keeps what was counted on it, and
// the other interface goes on counting; detaching everything leaves no interface.
void checkInterfaceDeletedEndsWithAWarning(const EngineUnderTest& test, const std::string& tag);

}  // namespace netmon::test
