// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/npcap_direction.h"

#include <gtest/gtest.h>

#include <vector>

namespace netmon::capture {
namespace {

const MacAddress kAdapter{0x3c, 0x7c, 0x3f, 0x0a, 0xb1, 0xe2};

// Ethernet frames as Npcap hands them over: destination, source, EtherType, payload.
std::vector<std::uint8_t> frame(const MacAddress& destination, const MacAddress& source,
                                std::vector<std::uint8_t> rest = {0x08, 0x00, 0x45, 0x00}) {
    std::vector<std::uint8_t> bytes(destination.begin(), destination.end());
    bytes.insert(bytes.end(), source.begin(), source.end());
    bytes.insert(bytes.end(), rest.begin(), rest.end());
    return bytes;
}

TEST(NpcapDirection, OurSourceAddressIsSentEverythingElseReceived) {
    const MacAddress router{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e};
    const MacAddress broadcast{0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    EXPECT_EQ(frameDirection(frame(router, kAdapter), kAdapter), TrafficDirection::Out);
    EXPECT_EQ(frameDirection(frame(kAdapter, router), kAdapter), TrafficDirection::In);
    EXPECT_EQ(frameDirection(frame(broadcast, router), kAdapter), TrafficDirection::In);
    // Our own broadcast (ARP request) was sent.
    EXPECT_EQ(frameDirection(frame(broadcast, kAdapter, {0x08, 0x06}), kAdapter),
              TrafficDirection::Out);
    // VLAN tags come after the source address: no difference.
    EXPECT_EQ(
        frameDirection(frame(router, kAdapter, {0x81, 0x00, 0x00, 0x05, 0x08, 0x00}), kAdapter),
        TrafficDirection::Out);
    // One differing byte is someone else.
    MacAddress almost = kAdapter;
    almost[5] ^= 0x01;
    EXPECT_EQ(frameDirection(frame(router, almost), kAdapter), TrafficDirection::In);
}

TEST(NpcapDirection, FramesTooShortForASourceCountAsReceivedOnce) {
    auto bytes = frame(kAdapter, kAdapter);
    bytes.resize(11);  // the source address cut off by the snapshot
    EXPECT_EQ(frameDirection(bytes, kAdapter), TrafficDirection::In);
    EXPECT_EQ(frameDirection({}, kAdapter), TrafficDirection::In);
}

TEST(NpcapDirection, DriverFilterSaysTheSameRule) {
    EXPECT_EQ(directionFilter(TrafficDirection::Out, kAdapter), "ether src 3c:7c:3f:0a:b1:e2");
    EXPECT_EQ(directionFilter(TrafficDirection::In, kAdapter), "not ether src 3c:7c:3f:0a:b1:e2");
}

}  // namespace
}  // namespace netmon::capture
