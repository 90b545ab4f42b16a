// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine's flow ledger: idleness, which flows may be evicted, and that an evicted
// flow's last packets (the race between a read and the delete) are reported, never lost.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include "capture/ebpf/flow_ledger.h"

namespace netmon::capture::test {
namespace {

KernelFlowKey keyOf(std::uint16_t port) {
    KernelFlowKey key{};
    key.ifindex = 2;
    key.tuple.family = kernel::NETMON_FAMILY_IPV4;
    key.tuple.protocol = 17;
    key.tuple.local_port = port;
    return key;
}

FlowCounts counts(std::uint64_t bytesIn, std::uint64_t packetsIn = 1) {
    return {bytesIn, 0, packetsIn, 0};
}

// One read of the kernel map holding `entries`; returns what the reading reports per port.
std::map<std::uint16_t, FlowCounts> readOnce(
    FlowLedger& ledger, const std::vector<std::pair<std::uint16_t, FlowCounts>>& entries) {
    std::map<std::uint16_t, FlowCounts> reported;
    ledger.beginRead();
    for (const auto& [port, kernel] : entries) {
        reported[port] = ledger.observe(keyOf(port), kernel).reported();
    }
    for (const FlowLedger::Final& last : ledger.finishRead()) {
        reported[last.flowKey.localPort] = last.counts;
    }
    return reported;
}

TEST(EbpfFlowLedger, AFlowIsACandidateOnlyAfterStandingStillForEnoughReads) {
    FlowLedger ledger(2);
    readOnce(ledger, {{1, counts(100)}, {2, counts(100)}});
    EXPECT_TRUE(ledger.evictionCandidates(10).empty());  // new
    readOnce(ledger, {{1, counts(100)}, {2, counts(200, 2)}});
    EXPECT_TRUE(ledger.evictionCandidates(10).empty());  // 1 idle once, 2 moved
    readOnce(ledger, {{1, counts(100)}, {2, counts(200, 2)}});
    const auto candidates = ledger.evictionCandidates(10);
    ASSERT_EQ(candidates.size(), 1u);  // 1 idle twice; 2 only once
    EXPECT_EQ(candidates[0].tuple.local_port, 1);
}

TEST(EbpfFlowLedger, TheLongestIdleGoFirstAndNoMoreThanAsked) {
    FlowLedger ledger(1);
    readOnce(ledger, {{1, counts(1)}});
    readOnce(ledger, {{1, counts(1)}, {2, counts(2)}});
    readOnce(ledger, {{1, counts(1)}, {2, counts(2)}, {3, counts(3)}});
    readOnce(ledger, {{1, counts(1)}, {2, counts(2)}, {3, counts(3)}});
    const auto one = ledger.evictionCandidates(1);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].tuple.local_port, 1);  // idle for 3 reads
    EXPECT_EQ(ledger.evictionCandidates(10).size(), 3u);
}

TEST(EbpfFlowLedger, AnEvictedFlowWhoseCountsDidNotMoveIsGone) {
    FlowLedger ledger(1);
    readOnce(ledger, {{1, counts(100)}});
    readOnce(ledger, {{1, counts(100)}});
    ledger.evicted(keyOf(1), counts(100));  // the delete returned what the reading reported
    EXPECT_EQ(ledger.size(), 0u);
    EXPECT_TRUE(readOnce(ledger, {}).empty());
}

TEST(EbpfFlowLedger, PacketsThatCameBetweenTheReadAndTheDeleteAreReportedOnce) {
    FlowLedger ledger(1);
    readOnce(ledger, {{1, counts(100)}});
    readOnce(ledger, {{1, counts(100)}});
    ledger.evicted(keyOf(1), counts(160, 2));  // one more packet of 60 bytes before the delete
    const auto next = readOnce(ledger, {});
    ASSERT_EQ(next.count(1), 1u);
    EXPECT_EQ(next.at(1), counts(160, 2));
    EXPECT_TRUE(readOnce(ledger, {}).empty());  // then gone
}

TEST(EbpfFlowLedger, AFlowRecreatedAfterItsDeleteCarriesItsFinalCountsOn) {
    FlowLedger ledger(1);
    readOnce(ledger, {{1, counts(100)}});
    readOnce(ledger, {{1, counts(100)}});
    ledger.evicted(keyOf(1), counts(160, 2));
    // The kernel recreated the entry: 40 bytes since the delete.
    auto next = readOnce(ledger, {{1, counts(40)}});
    EXPECT_EQ(next.at(1), counts(200, 3));
    next = readOnce(ledger, {{1, counts(90, 2)}});
    EXPECT_EQ(next.at(1), counts(250, 4));  // never backwards
    // Evicted again: the carry is part of the final count.
    readOnce(ledger, {{1, counts(90, 2)}});
    ledger.evicted(keyOf(1), counts(95, 3));
    EXPECT_EQ(readOnce(ledger, {}).at(1), counts(255, 5));
}

TEST(EbpfFlowLedger, TheOwnerStaysWithTheFlow) {
    FlowLedger ledger(1);
    ledger.beginRead();
    FlowLedger::Entry& entry = ledger.observe(keyOf(7), counts(10));
    entry.pid = 4242;
    entry.command = "curl";
    ledger.finishRead();
    ledger.beginRead();
    EXPECT_EQ(ledger.observe(keyOf(7), counts(20, 2)).pid, 4242u);
    ledger.finishRead();
    ledger.evicted(keyOf(7), counts(30, 3));
    ledger.beginRead();
    const auto finals = ledger.finishRead();
    ASSERT_EQ(finals.size(), 1u);
    EXPECT_EQ(finals[0].pid, 4242u);
    EXPECT_EQ(finals[0].command, "curl");
}

TEST(EbpfFlowLedger, EvictionStartsNearlyFullOrOnOverflowAndGoesDownToThreeQuarters) {
    const EvictionPolicy policy{1024};
    EXPECT_EQ(policy.wanted(100, false), 0u);
    EXPECT_EQ(policy.wanted(895, false), 0u);    // below 7/8
    EXPECT_EQ(policy.wanted(896, false), 128u);  // 7/8 → down to 768
    EXPECT_EQ(policy.wanted(1024, false), 256u);
    EXPECT_EQ(policy.wanted(800, true), 32u);  // a packet found no room
    EXPECT_EQ(policy.wanted(500, true), 0u);
}

}  // namespace
}  // namespace netmon::capture::test
