// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "integration/test_network.h"

namespace netmon::test {

// Ethernet (14) + IPv4 without options (20) + UDP (8): what a veth counts on top of the payload.
inline constexpr std::uint64_t kUdpOverIpv4FrameOverhead = 14 + 20 + 8;

struct UdpTransfer {
    int sent = 0;
    int received = 0;
};

// Sends `count` datagrams of `payloadSize` bytes from namespace b to a UDP socket bound in
// namespace a on `port`, and receives them there (so no ICMP "port unreachable" comes back).
UdpTransfer sendUdpFromBToA(const TestNetwork& network, int count, int payloadSize,
                            std::uint16_t port);

}  // namespace netmon::test
