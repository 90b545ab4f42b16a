// SPDX-License-Identifier: GPL-3.0-or-later
// Flows of one reading that share a FlowKey (the same 5-tuple seen on two interfaces) become
// one, counts added up; a reading without such flows is left exactly as it was.
#include <gtest/gtest.h>

#include <vector>

#include "capture/ebpf/shared_flow_keys.h"

namespace netmon::capture::test {
namespace {

CapturedFlow udpFlow(std::uint16_t localPort, std::uint64_t bytesIn, std::uint64_t packetsIn,
                     std::optional<std::uint32_t> pid = std::nullopt, const char* command = "") {
    CapturedFlow flow;
    flow.key = {Protocol::Udp, IpAddress::v4({10, 0, 0, 1}), localPort,
                IpAddress::v4({10, 0, 0, 2}), 53};
    flow.bytesIn = bytesIn;
    flow.packetsIn = packetsIn;
    flow.bytesOut = bytesIn / 2;
    flow.packetsOut = packetsIn;
    flow.pid = pid;
    flow.command = command;
    return flow;
}

TEST(SharedFlowKeys, DistinctKeysAreLeftAsTheyCame) {
    std::vector<CapturedFlow> flows;
    for (std::uint16_t port = 40000; port < 41000; ++port) {
        flows.push_back(udpFlow(port, port, 1));
    }
    const std::vector<CapturedFlow> before = flows;
    mergeSharedFlowKeys(flows);
    ASSERT_EQ(flows.size(), before.size());
    for (std::size_t i = 0; i < flows.size(); ++i) {
        EXPECT_EQ(flows[i].key, before[i].key);
        EXPECT_EQ(flows[i].bytesIn, before[i].bytesIn);
    }
}

TEST(SharedFlowKeys, TheSameTupleOnTwoInterfacesIsOneFlowWithBothCounts) {
    std::vector<CapturedFlow> flows = {udpFlow(40000, 1'000, 10), udpFlow(40001, 7, 1),
                                       udpFlow(40000, 300, 3, 4242, "dig")};
    mergeSharedFlowKeys(flows);
    ASSERT_EQ(flows.size(), 2U);
    EXPECT_EQ(flows[0].key.localPort, 40000);  // where the key first came
    EXPECT_EQ(flows[0].bytesIn, 1'300U);
    EXPECT_EQ(flows[0].packetsIn, 13U);
    EXPECT_EQ(flows[0].bytesOut, 500U + 150U);
    EXPECT_EQ(flows[0].packetsOut, 13U);
    EXPECT_EQ(flows[0].pid, 4242U) << "the owner one of them knew";
    EXPECT_EQ(flows[0].command, "dig");
    EXPECT_EQ(flows[1].key.localPort, 40001);
    EXPECT_EQ(flows[1].bytesIn, 7U);
}

TEST(SharedFlowKeys, TheFirstOwnerFoundStays) {
    std::vector<CapturedFlow> flows = {udpFlow(40000, 1, 1, 11, "first"),
                                       udpFlow(40000, 1, 1, 22, "second")};
    mergeSharedFlowKeys(flows);
    ASSERT_EQ(flows.size(), 1U);
    EXPECT_EQ(flows[0].pid, 11U);
    EXPECT_EQ(flows[0].command, "first");
}

}  // namespace
}  // namespace netmon::capture::test
