// SPDX-License-Identifier: GPL-3.0-or-later
// The flow table: orientation, cumulative counts, the other bucket, eviction of idle flows.
#include "capture/flow_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "unit/capture/parser_test_support.h"

namespace netmon::capture::test {
namespace {

ParsedPacket udpPacket(V4 source, std::uint16_t sourcePort, V4 destination,
                       std::uint16_t destinationPort, std::uint32_t wireLength) {
    ParsedPacket packet;
    packet.protocol = Protocol::Udp;
    packet.source = v4(source);
    packet.sourcePort = sourcePort;
    packet.destination = v4(destination);
    packet.destinationPort = destinationPort;
    packet.wireLength = wireLength;
    return packet;
}

std::optional<CapturedFlow> findFlow(const FlowTable& table, const FlowKey& key) {
    for (const CapturedFlow& flow : table.flows()) {
        if (flow.key == key) {
            return flow;
        }
    }
    return std::nullopt;
}

FlowKey keyOf(std::uint16_t localPort) {
    FlowKey key;
    key.protocol = Protocol::Udp;
    key.localAddress = v4(kHostA);
    key.localPort = localPort;
    key.remoteAddress = v4(kHostB);
    key.remotePort = 53;
    return key;
}

TEST(FlowTable, ReceivedFramesHaveTheSourceAsRemoteSentOnesAsLocal) {
    const ParsedPacket fromB = udpPacket(kHostB, 53, kHostA, 40000, 100);
    const FlowKey in = orientedKey(fromB, TrafficDirection::In);
    EXPECT_EQ(in.localAddress, v4(kHostA));
    EXPECT_EQ(in.localPort, 40000);
    EXPECT_EQ(in.remoteAddress, v4(kHostB));
    EXPECT_EQ(in.remotePort, 53);
    const ParsedPacket toB = udpPacket(kHostA, 40000, kHostB, 53, 80);
    EXPECT_EQ(orientedKey(toB, TrafficDirection::Out), in);  // a request and its answer: one flow
}

TEST(FlowTable, CountsAreCumulativePerDirection) {
    FlowTable table;
    table.countPacket(0, udpPacket(kHostA, 40000, kHostB, 53, 80), TrafficDirection::Out);
    table.countPacket(0, udpPacket(kHostB, 53, kHostA, 40000, 200), TrafficDirection::In);
    table.endTick();
    table.countPacket(0, udpPacket(kHostB, 53, kHostA, 40000, 300), TrafficDirection::In);
    const auto flow = findFlow(table, keyOf(40000));
    ASSERT_TRUE(flow);
    EXPECT_EQ(flow->bytesOut, 80u);
    EXPECT_EQ(flow->packetsOut, 1u);
    EXPECT_EQ(flow->bytesIn, 500u);
    EXPECT_EQ(flow->packetsIn, 2u);
    EXPECT_EQ(table.size(), 1u);
}

TEST(FlowTable, UnparsedFramesGoToTheirInterfacesOtherBucket) {
    FlowTable table;
    ParsedPacket arp;
    arp.status = ParseStatus::NonIp;
    arp.wireLength = 42;
    ParsedPacket broken;
    broken.status = ParseStatus::Malformed;
    broken.wireLength = 60;
    table.countPacket(0, arp, TrafficDirection::In);
    table.countPacket(0, arp, TrafficDirection::Out);
    table.countPacket(1, broken, TrafficDirection::In);
    EXPECT_EQ(table.other(0).bytesIn, 42u);
    EXPECT_EQ(table.other(0).bytesOut, 42u);
    EXPECT_EQ(table.other(0).packetsIn, 1u);
    EXPECT_EQ(table.other(0).malformedPackets, 0u);
    EXPECT_EQ(table.other(1).bytesIn, 60u);
    EXPECT_EQ(table.other(1).malformedPackets, 1u);
    EXPECT_EQ(table.other(7).packetsIn, 0u);
    EXPECT_TRUE(table.flows().empty());
}

TEST(FlowTable, FullTableEvictsTheOldestIdleFlowWithAWarning) {
    FlowTable table(3);
    table.count(0, keyOf(1), TrafficDirection::Out, 10);
    EXPECT_TRUE(table.endTick().empty());
    table.count(0, keyOf(2), TrafficDirection::Out, 10);
    table.count(0, keyOf(3), TrafficDirection::Out, 10);
    table.endTick();
    table.count(0, keyOf(4), TrafficDirection::Out, 10);  // full: flow 1 is the oldest idle one
    EXPECT_FALSE(findFlow(table, keyOf(1)));
    EXPECT_TRUE(findFlow(table, keyOf(2)));
    EXPECT_TRUE(findFlow(table, keyOf(4)));
    EXPECT_EQ(table.size(), 3u);
    EXPECT_EQ(table.evictedTotal(), 1u);
    const auto warnings = table.endTick();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("1 idle flows evicted"), std::string::npos) << warnings[0];
}

TEST(FlowTable, FlowsSeenInTheCurrentTickAreNeverEvicted) {
    FlowTable table(2);
    table.count(0, keyOf(1), TrafficDirection::Out, 10);
    table.endTick();
    table.count(0, keyOf(1), TrafficDirection::Out, 10);  // seen again in this tick
    table.count(0, keyOf(2), TrafficDirection::Out, 10);
    table.count(0, keyOf(3), TrafficDirection::In, 70);  // no idle flow: counted as other
    EXPECT_TRUE(findFlow(table, keyOf(1)));
    EXPECT_TRUE(findFlow(table, keyOf(2)));
    EXPECT_FALSE(findFlow(table, keyOf(3)));
    EXPECT_EQ(findFlow(table, keyOf(1))->bytesOut, 20u);
    EXPECT_EQ(table.other(0).bytesIn, 70u);
    EXPECT_EQ(table.other(0).packetsIn, 1u);
    EXPECT_EQ(table.evictedTotal(), 0u);
    const auto warnings = table.endTick();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("1 packets counted without a flow"), std::string::npos);
    // Next tick both are idle, so a new flow finds room.
    table.count(0, keyOf(3), TrafficDirection::In, 70);
    EXPECT_TRUE(findFlow(table, keyOf(3)));
}

TEST(FlowTable, FlowsPlusOtherAddUpToEveryByteCounted) {
    FlowTable table(8);
    std::uint64_t sent = 0;
    for (std::uint16_t port = 1; port <= 40; ++port) {
        table.count(0, keyOf(port), TrafficDirection::Out, 100 + port);
        sent += 100 + port;
        if (port % 5 == 0) {
            table.endTick();
        }
    }
    ParsedPacket arp;
    arp.status = ParseStatus::NonIp;
    arp.wireLength = 42;
    table.countPacket(0, arp, TrafficDirection::Out);
    sent += 42;
    // Evicted flows were idle, so an earlier reading had them; what is still here plus other
    // plus the evicted flows' bytes is everything.
    std::uint64_t counted = table.other(0).bytesOut;
    for (const CapturedFlow& flow : table.flows()) {
        counted += flow.bytesOut;
    }
    EXPECT_LE(table.size(), 8u);
    EXPECT_GT(table.evictedTotal(), 0u);
    std::uint64_t evictedBytes = 0;
    for (std::uint16_t port = 1; port <= 40; ++port) {
        if (!findFlow(table, keyOf(port))) {
            evictedBytes += 100 + port;
        }
    }
    EXPECT_EQ(counted + evictedBytes, sent);
}

// Eviction makes room for one new flow by dropping one idle flow — the one seen longest ago —
// not a sixteenth of the table: every other idle flow keeps its identity and counts.
TEST(FlowTable, ANewFlowEvictsExactlyOneIdleFlowTheOneSeenLongestAgo) {
    constexpr std::uint16_t kCapacity = 64;
    FlowTable table(kCapacity);
    for (std::uint16_t port = 1; port <= kCapacity; ++port) {
        table.count(0, keyOf(port), TrafficDirection::Out, 10);
    }
    table.endTick();
    for (std::uint16_t port = 2; port <= kCapacity; ++port) {  // all but flow 1 seen again
        table.count(0, keyOf(port), TrafficDirection::Out, 10);
    }
    table.endTick();
    table.count(0, keyOf(1000), TrafficDirection::Out, 10);
    EXPECT_EQ(table.evictedTotal(), 1u);
    EXPECT_EQ(table.size(), std::size_t{kCapacity});
    EXPECT_FALSE(findFlow(table, keyOf(1)));
    for (std::uint16_t port = 2; port <= kCapacity; ++port) {
        EXPECT_TRUE(findFlow(table, keyOf(port))) << port;
    }
    table.count(0, keyOf(1001), TrafficDirection::Out, 10);  // then the next idle one
    EXPECT_EQ(table.evictedTotal(), 2u);
    EXPECT_EQ(table.size(), std::size_t{kCapacity});
}

std::map<FlowKey, std::uint64_t> bytesOutByFlow(const FlowTable& table) {
    std::map<FlowKey, std::uint64_t> bytes;
    for (const CapturedFlow& flow : table.flows()) {
        bytes[flow.key] = flow.bytesOut;
    }
    return bytes;
}

// The guarantees under a random stream over many ticks, against the test's own bookkeeping:
// the table never holds more than its capacity; a flow seen in the current tick is never
// evicted, and an evicted flow had nothing counted since the caller's last reading (so that
// reading had its final counts); a new flow goes to "other" exactly when every flow was seen
// in this tick; and what the table holds, plus "other", plus the evicted flows' last readings
// is every byte counted.
TEST(FlowTable, RandomStreamKeepsEveryGuarantee) {
    constexpr std::size_t kCapacity = 16;
    FlowTable table(kCapacity);
    std::mt19937 random(7);
    std::uint64_t sent = 0;
    std::uint64_t evictedBytes = 0;
    std::map<FlowKey, std::uint64_t> lastReading;  // what the caller read at the last tick end
    for (int tick = 0; tick < 300; ++tick) {
        std::set<FlowKey> seenThisTick;
        const int packets = static_cast<int>(random() % 40);
        for (int i = 0; i < packets; ++i) {
            SCOPED_TRACE("tick " + std::to_string(tick) + ", packet " + std::to_string(i));
            const FlowKey key = keyOf(static_cast<std::uint16_t>(1 + random() % 60));
            const std::uint64_t bytes = 40 + random() % 1500;
            const auto before = bytesOutByFlow(table);
            const std::uint64_t otherBefore = table.other(0).bytesOut;
            const bool full = before.size() == kCapacity;
            const bool allSeen = seenThisTick.size() == before.size();
            table.count(0, key, TrafficDirection::Out, bytes);
            sent += bytes;
            const auto after = bytesOutByFlow(table);
            ASSERT_LE(after.size(), kCapacity);
            if (!before.contains(key) && full && allSeen) {
                EXPECT_FALSE(after.contains(key));
                EXPECT_EQ(table.other(0).bytesOut, otherBefore + bytes);
                continue;
            }
            ASSERT_TRUE(after.contains(key));
            EXPECT_EQ(after.at(key), (before.contains(key) ? before.at(key) : 0) + bytes);
            seenThisTick.insert(key);
            for (const auto& [gone, goneBytes] : before) {
                if (!after.contains(gone)) {
                    EXPECT_FALSE(seenThisTick.contains(gone)) << "a flow of this tick went";
                    ASSERT_TRUE(lastReading.contains(gone));
                    EXPECT_EQ(lastReading.at(gone), goneBytes) << "counted after its reading";
                    evictedBytes += goneBytes;
                }
            }
        }
        lastReading = bytesOutByFlow(table);
        table.endTick();
    }
    std::uint64_t held = table.other(0).bytesOut;
    for (const auto& [key, bytes] : bytesOutByFlow(table)) {
        held += bytes;
    }
    EXPECT_GT(table.evictedTotal(), 0u);
    EXPECT_GT(table.other(0).bytesOut, 0u);
    EXPECT_EQ(held + evictedBytes, sent);
}

}  // namespace
}  // namespace netmon::capture::test
