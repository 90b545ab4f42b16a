// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine's map records in core's terms: layout, orientation, owner keys, per-CPU sums.
#include <gtest/gtest.h>

#include <cstddef>

#include "capture/ebpf/kernel_records.h"

namespace netmon::capture::test {
namespace {

using namespace kernel;

netmon_tuple v4Tuple(std::uint8_t protocol, std::uint16_t localPort, std::uint16_t remotePort) {
    netmon_tuple tuple{};
    tuple.family = NETMON_FAMILY_IPV4;
    tuple.protocol = protocol;
    tuple.local_port = localPort;
    tuple.remote_port = remotePort;
    const std::uint8_t local[] = {10, 0, 0, 1};
    const std::uint8_t remote[] = {192, 0, 2, 9};
    std::memcpy(tuple.local_addr, local, 4);
    std::memcpy(tuple.remote_addr, remote, 4);
    return tuple;
}

TEST(EbpfKernelRecords, LayoutIsFixedWidthAndPaddingIsNamed) {
    EXPECT_EQ(sizeof(netmon_tuple), 40u);
    EXPECT_EQ(offsetof(netmon_tuple, local_port), 2u);
    EXPECT_EQ(offsetof(netmon_tuple, remote_port), 4u);
    EXPECT_EQ(offsetof(netmon_tuple, local_addr), 8u);
    EXPECT_EQ(offsetof(netmon_tuple, remote_addr), 24u);
    EXPECT_EQ(sizeof(netmon_flow_key), 44u);
    EXPECT_EQ(offsetof(netmon_flow_key, tuple), 4u);
    EXPECT_EQ(sizeof(netmon_flow_counters), 32u);
    EXPECT_EQ(sizeof(netmon_interface_counters), 96u);
    EXPECT_EQ(offsetof(netmon_interface_counters, overflow), 64u);
    EXPECT_EQ(sizeof(netmon_loader), 24u);
    EXPECT_EQ(sizeof(netmon_owner_key), 44u);
    EXPECT_EQ(sizeof(netmon_owner), 24u);
    // A per-CPU value is copied at 8-byte strides: the struct must need no rounding.
    EXPECT_EQ(sizeof(netmon_interface_counters) % 8, 0u);
}

TEST(EbpfKernelRecords, DirectionsBecomeInAndOut) {
    netmon_flow_counters counters{};
    counters.dir[NETMON_IN] = {1500, 3};
    counters.dir[NETMON_OUT] = {66, 1};
    const FlowCounts counts = countsOf(counters);
    EXPECT_EQ(counts.bytesIn, 1500u);
    EXPECT_EQ(counts.packetsIn, 3u);
    EXPECT_EQ(counts.bytesOut, 66u);
    EXPECT_EQ(counts.packetsOut, 1u);
}

TEST(EbpfKernelRecords, TupleBecomesTheOrientedFlowKey) {
    const FlowKey key = flowKeyOf(v4Tuple(6, 443, 51000));
    EXPECT_EQ(key.protocol, Protocol::Tcp);
    EXPECT_EQ(key.localAddress, *IpAddress::parse("10.0.0.1"));
    EXPECT_EQ(key.localPort, 443);
    EXPECT_EQ(key.remoteAddress, *IpAddress::parse("192.0.2.9"));
    EXPECT_EQ(key.remotePort, 51000);

    netmon_tuple v6{};
    v6.family = NETMON_FAMILY_IPV6;
    v6.protocol = 58;
    v6.local_addr[0] = 0x20;
    v6.local_addr[1] = 0x01;
    v6.local_addr[15] = 1;
    v6.remote_addr[0] = 0xfe;
    v6.remote_addr[1] = 0x80;
    v6.remote_addr[15] = 2;
    const FlowKey key6 = flowKeyOf(v6);
    EXPECT_EQ(key6.protocol, Protocol::Icmpv6);
    EXPECT_EQ(key6.localAddress, *IpAddress::parse("2001::1"));
    EXPECT_EQ(key6.remoteAddress, *IpAddress::parse("fe80::2"));
    EXPECT_EQ(flowKeyOf(v4Tuple(47, 0, 0)).protocol, Protocol::Other);  // GRE
}

TEST(EbpfKernelRecords, OwnerKeysGoFromTheConnectionToTheWildcardPort) {
    const auto keys = ownerKeysFor(v4Tuple(17, 5353, 40000), 4026531840U);
    ASSERT_EQ(keys.size(), 3u);
    EXPECT_EQ(keys[0].netns, 4026531840U);
    EXPECT_EQ(keys[0].tuple.remote_port, 40000);
    EXPECT_EQ(keys[0].tuple.remote_addr[0], 192);
    EXPECT_EQ(keys[1].tuple.remote_port, 0);
    EXPECT_EQ(keys[1].tuple.remote_addr[0], 0);
    EXPECT_EQ(keys[1].tuple.local_addr[0], 10);
    EXPECT_EQ(keys[1].tuple.family, NETMON_FAMILY_IPV4);
    EXPECT_EQ(keys[2].tuple.family, NETMON_FAMILY_ANY);
    EXPECT_EQ(keys[2].tuple.local_addr[0], 0);
    EXPECT_EQ(keys[2].tuple.local_port, 5353);
    EXPECT_TRUE(ownerKeysFor(v4Tuple(1, 0, 0), 1).empty());    // ICMP: no socket to ask
    EXPECT_TRUE(ownerKeysFor(v4Tuple(17, 0, 53), 1).empty());  // no local port
}

TEST(EbpfKernelRecords, CommandStopsAtTheNulOrAfterSixteenBytes) {
    const char shortName[16] = {'c', 'u', 'r', 'l'};
    EXPECT_EQ(commandOf(shortName), "curl");
    const char fullName[16] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h',
                               'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p'};
    EXPECT_EQ(commandOf(fullName), "abcdefghijklmnop");
}

TEST(EbpfKernelRecords, CommandCutMidCharacterBecomesValidUtf8) {
    // prctl(PR_SET_NAME, "Überwachung-€"): 15 bytes kept, the last two the start of € (E2 82
    // AC), then the NUL.
    const char cut[16] =
        "\xC3\x9C"
        "berwachung-\xE2\x82";
    EXPECT_EQ(commandOf(cut),
              "\xC3\x9C"
              "berwachung-\xEF\xBF\xBD");
    const char invalid[16] = "\xFF\x1B]0;x\x07";  // control characters are shown, not dropped
    EXPECT_EQ(commandOf(invalid), "\xEF\xBF\xBD\x1B]0;x\x07");
}

TEST(EbpfKernelRecords, PerCpuCopiesAddUpAndOverflowCountsAsOther) {
    std::vector<netmon_interface_counters> copies(2);
    copies[0].non_ip[NETMON_IN] = {60, 1};
    copies[1].non_ip[NETMON_IN] = {42, 1};
    copies[0].malformed[NETMON_OUT] = {100, 2};
    copies[1].overflow[NETMON_IN] = {1000, 10};
    copies[1].overflow[NETMON_OUT] = {70, 1};
    const netmon_interface_counters total = sumPerCpu(copies);
    EXPECT_EQ(total.non_ip[NETMON_IN].bytes, 102u);
    EXPECT_EQ(total.non_ip[NETMON_IN].packets, 2u);
    const UnflowedTraffic other = unflowedOf(total);
    EXPECT_EQ(other.bytesIn, 1102u);
    EXPECT_EQ(other.packetsIn, 12u);
    EXPECT_EQ(other.bytesOut, 170u);
    EXPECT_EQ(other.packetsOut, 3u);
    EXPECT_EQ(other.malformedPackets, 2u);
    EXPECT_EQ(overflowPacketsOf(total), 11u);
    UnflowedTraffic sum = other;
    sum += other;
    EXPECT_EQ(grownSince(sum, other).bytesIn, other.bytesIn);
    EXPECT_EQ(grownSince(sum, other).malformedPackets, 2u);
}

TEST(EbpfKernelRecords, KeysHashAndCompareByEveryByte) {
    netmon_flow_key a{};
    a.ifindex = 2;
    a.tuple = v4Tuple(6, 1, 2);
    netmon_flow_key b = a;
    EXPECT_TRUE(KernelKeyEqual<netmon_flow_key>{}(a, b));
    EXPECT_EQ(KernelKeyHash<netmon_flow_key>{}(a), KernelKeyHash<netmon_flow_key>{}(b));
    b.ifindex = 3;  // the same 5-tuple on another interface is another entry
    EXPECT_FALSE(KernelKeyEqual<netmon_flow_key>{}(a, b));
}

}  // namespace
}  // namespace netmon::capture::test
