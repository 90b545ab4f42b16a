// SPDX-License-Identifier: GPL-3.0-or-later
// Who sees what through the service: members and administrators everything; anyone else the
// interface totals and their own flows, with hosts summed again from those flows alone.
#include "service/access_policy.h"

#include <gtest/gtest.h>

namespace netmon::service {
namespace {

IpAddress address(const char* text) {
    return *IpAddress::parse(text);
}

FlowStat flow(std::optional<std::uint32_t> uid, std::uint32_t pid, const char* process,
              const char* remote, std::optional<std::uint64_t> bytesIn,
              std::optional<std::uint64_t> bytesOut) {
    FlowStat stat;
    stat.key = {Protocol::Tcp, address("192.0.2.10"), 40000, address(remote), 443};
    stat.state = "ESTABLISHED";
    stat.uid = uid;
    stat.pid = pid;
    stat.owner = OwnerVisibility::Known;
    stat.processName = process;
    stat.bytesIn = bytesIn;
    stat.bytesOut = bytesOut;
    stat.inBitsPerSecond =
        bytesIn ? std::optional<double>(8.0 * static_cast<double>(*bytesIn)) : std::nullopt;
    stat.outBitsPerSecond =
        bytesOut ? std::optional<double>(8.0 * static_cast<double>(*bytesOut)) : std::nullopt;
    return stat;
}

// Two users' flows to one host, one flow whose owner nobody knows, and a listener.
Snapshot sharedMachine() {
    Snapshot snapshot;
    snapshot.sequence = 7;
    snapshot.mode = MonitoringMode::Deep;
    InterfaceStat eth;
    eth.name = "eth0";
    eth.counters.rxBytes = 123'456;
    snapshot.interfaces.push_back(eth);
    snapshot.flows.push_back(flow(1000, 10, "firefox", "203.0.113.5", 100, 50));
    snapshot.flows.push_back(flow(1000, 10, "firefox", "203.0.113.5", std::nullopt, 30));
    snapshot.flows.push_back(flow(2000, 20, "ssh", "203.0.113.5", 7000, 900));
    snapshot.flows.push_back(flow(std::nullopt, 0, "", "198.51.100.1", 5, 5));
    FlowStat listener = flow(1000, 11, "python3", "0.0.0.0", std::nullopt, std::nullopt);
    listener.listening = true;
    listener.state = "LISTEN";
    snapshot.flows.push_back(listener);
    for (const auto& [pid, name] :
         {std::pair<std::uint32_t, const char*>{10, "firefox"}, {11, "python3"}, {20, "ssh"}}) {
        ProcessStat process;
        process.pid = pid;
        process.name = name;
        snapshot.processes.push_back(process);
    }
    HostStat host;
    host.address = address("203.0.113.5");
    host.hostName = "shared.example";
    host.bytesIn = 7100;
    snapshot.hosts.push_back(host);
    snapshot.hostTraffic.push_back({"203.0.113.5", 7100, 980});
    snapshot.processTraffic.push_back({"ssh", 7000, 900});
    snapshot.warnings.push_back("a warning for everyone");
    return snapshot;
}

TEST(AccessFor, RootAndMembersOfTheGroupSeeEverythingOthersTheirOwn) {
    const std::uint32_t group = 950;
    EXPECT_TRUE(accessFor({0, 1, {0}, true}, group).full);
    EXPECT_TRUE(accessFor({1000, 2, {1000, 27, 950}, false}, group).full) << "supplementary";
    EXPECT_TRUE(accessFor({1000, 2, {950}, false}, group).full) << "primary group";
    const Access other = accessFor({1001, 3, {1001, 27}, false}, group);
    EXPECT_FALSE(other.full);
    EXPECT_EQ(other.uid, 1001u);
    EXPECT_FALSE(accessFor({1000, 2, {950}, false}, std::nullopt).full)
        << "without the group only administrators";
    EXPECT_EQ(toString(other), "own-uid");
}

TEST(VisibleTo, FullAccessSeesTheSnapshotAsItIs) {
    const Snapshot snapshot = sharedMachine();
    const Snapshot seen = visibleTo(snapshot, {true, 0});
    EXPECT_EQ(seen.flows.size(), 5u);
    EXPECT_EQ(seen.processes.size(), 3u);
    EXPECT_EQ(seen.hosts[0].bytesIn, 7100u);
    EXPECT_EQ(seen.hostTraffic.size(), 1u);
}

TEST(VisibleTo, AnotherUserSeesOnlyTheirFlowsAndHostsSummedFromThem) {
    const Snapshot seen = visibleTo(sharedMachine(), {false, 1000});
    ASSERT_EQ(seen.flows.size(), 3u);
    for (const FlowStat& stat : seen.flows) {
        EXPECT_EQ(stat.uid, 1000u);
    }
    ASSERT_EQ(seen.processes.size(), 2u);
    EXPECT_EQ(seen.processes[0].pid, 10u);
    EXPECT_EQ(seen.processes[1].pid, 11u);
    ASSERT_EQ(seen.hosts.size(), 1u) << "the listener is no host; the unknown owner's is hidden";
    const HostStat& host = seen.hosts[0];
    EXPECT_EQ(host.address, address("203.0.113.5"));
    EXPECT_EQ(host.hostName, "shared.example");
    EXPECT_EQ(host.bytesIn, 100u) << "ssh's 7000 bytes are another user's";
    EXPECT_FALSE(host.bytesComplete) << "one of the two flows had no count: a lower bound";
    EXPECT_EQ(host.bytesOut, 80u);
    EXPECT_EQ(host.inBitsPerSecond, 800.0);
    EXPECT_EQ(host.outBitsPerSecond, 640.0);
    EXPECT_EQ(host.connections, 2u);
    EXPECT_EQ(host.processes, std::vector<std::string>{"firefox"});
    EXPECT_TRUE(seen.hostTraffic.empty());
    EXPECT_TRUE(seen.processTraffic.empty());
    ASSERT_EQ(seen.interfaces.size(), 1u);
    EXPECT_EQ(seen.interfaces[0].counters.rxBytes, 123'456u);
    EXPECT_EQ(seen.sequence, 7u);
    EXPECT_EQ(seen.mode, MonitoringMode::Deep);
    EXPECT_EQ(seen.warnings.size(), 1u);
}

TEST(VisibleTo, APeerWithoutAKnownUidOwnsNothing) {
    const Snapshot seen = visibleTo(sharedMachine(), {false, std::nullopt});
    EXPECT_TRUE(seen.flows.empty());
    EXPECT_TRUE(seen.hosts.empty());
    EXPECT_TRUE(seen.processes.empty());
    EXPECT_EQ(seen.interfaces.size(), 1u);
}

}  // namespace
}  // namespace netmon::service
