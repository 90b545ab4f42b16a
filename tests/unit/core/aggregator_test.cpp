// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/aggregator.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "fakes/fake_flow_sources.h"

namespace netmon {
namespace {

using test::tcpSocket;

// A flow as the tracker hands it over, owning the FlowStat that TrackedFlow points at.
struct TestFlow {
    std::shared_ptr<FlowStat> stat = std::make_shared<FlowStat>();
    std::uint64_t tickBytesIn = 0;
    std::uint64_t tickBytesOut = 0;
    bool closed = false;
    bool countedAtClose = false;
};

std::vector<TrackedFlow> tracked(const std::vector<TestFlow>& flows) {
    std::vector<TrackedFlow> out;
    for (const TestFlow& flow : flows) {
        out.push_back({flow.stat.get(), flow.tickBytesIn, flow.tickBytesOut, flow.closed,
                       flow.countedAtClose});
    }
    return out;
}

void update(Aggregator& aggregator, const std::vector<TestFlow>& flows, double seconds) {
    aggregator.update(tracked(flows), seconds);
}

TestFlow flow(const char* remote, std::uint16_t localPort, std::uint64_t in, std::uint64_t out,
              std::uint32_t pid, const char* process, std::uint64_t tickIn = 0,
              std::uint64_t tickOut = 0, bool closed = false) {
    const SocketRecord record = tcpSocket("192.0.2.10", localPort, remote, 443, localPort, in, out);
    TestFlow tracked;
    tracked.stat->key = record.key;
    tracked.stat->id = localPort;
    tracked.stat->bytesIn = in;
    tracked.stat->bytesOut = out;
    tracked.stat->owner = OwnerVisibility::Known;
    tracked.stat->pid = pid;
    tracked.stat->processName = process;
    tracked.tickBytesIn = tickIn;
    tracked.tickBytesOut = tickOut;
    tracked.closed = closed;
    return tracked;
}

// A connected UDP flow as basic mode sees it: no byte counts at all.
TestFlow udpFlow(const char* remote, std::uint16_t localPort, std::uint32_t pid,
                 const char* process, bool closed = false) {
    TestFlow tracked = flow(remote, localPort, 0, 0, pid, process, 0, 0, closed);
    tracked.stat->key.protocol = Protocol::Udp;
    tracked.stat->bytesIn.reset();
    tracked.stat->bytesOut.reset();
    return tracked;
}

TEST(Aggregator, SumsSeveralConnectionsToOneHostExactly) {
    Aggregator aggregator;
    update(aggregator,
           {flow("198.51.100.7", 50001, 1'234'567, 89'012, 10, "curl", 1'000, 10),
            flow("198.51.100.7", 50002, 200'000, 3'000, 11, "wget", 2'000, 20),
            flow("203.0.113.5", 50003, 10, 20, 10, "curl")},
           2.0);
    const auto hosts = aggregator.hosts();
    ASSERT_EQ(hosts.size(), 2U);
    EXPECT_EQ(hosts[0].address, IpAddress::parse("198.51.100.7")) << "most bytes first";
    EXPECT_EQ(hosts[0].bytesIn, 1'434'567U);
    EXPECT_EQ(hosts[0].bytesOut, 92'012U);
    EXPECT_EQ(hosts[0].connections, 2U);
    EXPECT_DOUBLE_EQ(hosts[0].inBitsPerSecond.value_or(-1), 12'000.0);  // 3'000 B * 8 / 2 s
    EXPECT_EQ(hosts[0].processes, (std::vector<std::string>{"curl", "wget"}));
}

TEST(Aggregator, ClosedConnectionKeepsItsBytesInTheTotals) {
    Aggregator aggregator;
    update(aggregator,
           {flow("198.51.100.7", 50001, 5'000, 500, 10, "curl"),
            flow("198.51.100.7", 50002, 7'000, 700, 10, "curl")},
           1.0);
    // 50001 closes with 6'000 in; 50002 moves on.
    update(aggregator,
           {flow("198.51.100.7", 50001, 6'000, 500, 10, "curl", 1'000, 0, true),
            flow("198.51.100.7", 50002, 9'000, 700, 10, "curl", 2'000, 0)},
           1.0);
    auto hosts = aggregator.hosts();
    EXPECT_EQ(hosts.at(0).bytesIn, 15'000U);
    EXPECT_EQ(hosts.at(0).connections, 1U);
    EXPECT_DOUBLE_EQ(hosts.at(0).inBitsPerSecond.value_or(-1), 24'000.0)
        << "the closing flow's last bytes";
    // Later ticks still count the closed flow.
    update(aggregator, {flow("198.51.100.7", 50002, 9'000, 700, 10, "curl")}, 1.0);
    hosts = aggregator.hosts();
    EXPECT_EQ(hosts.at(0).bytesIn, 15'000U);
    EXPECT_DOUBLE_EQ(hosts.at(0).inBitsPerSecond.value_or(-1), 0.0);
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].bytesIn, 15'000U);
    EXPECT_EQ(processes[0].connections, 1U);
}

TEST(Aggregator, TimeWaitKeepsItsBytesButIsNotAnActiveConnection) {
    Aggregator aggregator;
    TestFlow closing = flow("198.51.100.7", 50001, 4'000, 40, 10, "curl");
    closing.stat->state = "TIME_WAIT";
    update(aggregator, {closing, flow("198.51.100.7", 50002, 1'000, 10, 10, "curl")}, 1.0);
    const auto hosts = aggregator.hosts();
    EXPECT_EQ(hosts.at(0).bytesIn, 5'000U);
    EXPECT_EQ(hosts.at(0).connections, 1U);
    EXPECT_EQ(aggregator.processes().at(0).connections, 1U);
}

TEST(Aggregator, LoopbackAndListenersAreNotRemoteHosts) {
    Aggregator aggregator;
    TestFlow listener = flow("0.0.0.0", 8080, 0, 0, 12, "server");
    listener.stat->listening = true;
    update(aggregator,
           {flow("127.0.0.1", 50001, 100, 100, 12, "server"),
            flow("::1", 50002, 100, 100, 12, "server"), listener},
           1.0);
    EXPECT_TRUE(aggregator.hosts().empty());
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].listening, 1U);
    EXPECT_EQ(processes[0].connections, 2U);
    EXPECT_EQ(processes[0].bytesIn, 200U);
}

TEST(Aggregator, V4MappedPeersAreTheSameHostAsV4) {
    Aggregator aggregator;
    update(aggregator,
           {flow("198.51.100.7", 50001, 100, 0, 10, "a"),
            flow("::ffff:198.51.100.7", 50002, 50, 0, 10, "a")},
           1.0);
    const auto hosts = aggregator.hosts();
    ASSERT_EQ(hosts.size(), 1U);
    EXPECT_EQ(hosts[0].bytesIn, 150U);
    EXPECT_TRUE(hosts[0].address.isV4());
}

TEST(Aggregator, HiddenOwnersAddUpUnderUnknown) {
    Aggregator aggregator;
    TestFlow hidden = flow("198.51.100.7", 50001, 300, 30, 0, "");
    hidden.stat->owner = OwnerVisibility::NeedsAdmin;
    hidden.stat->pid.reset();
    TestFlow noOwner = flow("198.51.100.7", 50002, 1, 1, 0, "");
    noOwner.stat->owner = OwnerVisibility::NoOwner;
    update(aggregator, {hidden, noOwner}, 1.0);
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].pid, 0U);
    EXPECT_EQ(processes[0].name, Aggregator::kUnknownProcess);
    EXPECT_EQ(processes[0].bytesIn, 300U);
}

TEST(Aggregator, ReusedPidWithAnotherNameStartsAfresh) {
    Aggregator aggregator;
    update(aggregator, {flow("198.51.100.7", 50001, 1'000, 0, 10, "old", 0, 0, true)}, 1.0);
    update(aggregator, {flow("198.51.100.7", 50002, 5, 0, 10, "new")}, 1.0);
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].name, "new");
    EXPECT_EQ(processes[0].bytesIn, 5U);
}

TEST(Aggregator, TickTrafficPerHostAndProcessForHistory) {
    Aggregator aggregator;
    update(aggregator,
           {flow("198.51.100.7", 50001, 0, 0, 10, "curl", 1'500, 40),
            flow("203.0.113.5", 50002, 0, 0, 11, "ssh")},
           1.0);
    ASSERT_EQ(aggregator.hostTraffic().size(), 1U) << "hosts that moved nothing are left out";
    EXPECT_EQ(aggregator.hostTraffic()[0].name, "198.51.100.7");
    EXPECT_EQ(aggregator.hostTraffic()[0].bytesIn, 1'500U);
    ASSERT_EQ(aggregator.processTraffic().size(), 1U);
    EXPECT_EQ(aggregator.processTraffic()[0].name, "curl");
    EXPECT_EQ(aggregator.processTraffic()[0].bytesOut, 40U);
}

TEST(Aggregator, HostReachedOnlyOverUncountedUdpHasUnknownBytesNotZero) {
    Aggregator aggregator;
    update(aggregator,
           {udpFlow("198.51.100.53", 50001, 10, "resolver"),
            udpFlow("198.51.100.53", 50002, 10, "resolver")},
           1.0);
    const auto hosts = aggregator.hosts();
    ASSERT_EQ(hosts.size(), 1U);
    EXPECT_EQ(hosts[0].bytesIn, std::nullopt);
    EXPECT_EQ(hosts[0].bytesOut, std::nullopt);
    EXPECT_FALSE(hosts[0].bytesComplete);
    EXPECT_EQ(hosts[0].inBitsPerSecond, std::nullopt);
    EXPECT_EQ(hosts[0].outBitsPerSecond, std::nullopt);
    EXPECT_FALSE(hosts[0].ratesComplete);
    EXPECT_EQ(hosts[0].connections, 2U);
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].bytesIn, std::nullopt);
    EXPECT_FALSE(processes[0].bytesComplete);
    EXPECT_EQ(processes[0].inBitsPerSecond, std::nullopt);
}

TEST(Aggregator, HostWithCountedAndUncountedFlowsIsALowerBoundOfTheExactCountedSum) {
    Aggregator aggregator;
    update(aggregator,
           {flow("198.51.100.7", 50001, 5'000, 500, 10, "chromium", 1'000, 100),
            flow("198.51.100.7", 50002, 2'345, 67, 10, "chromium", 200, 0),
            udpFlow("198.51.100.7", 50003, 10, "chromium")},
           2.0);
    const auto hosts = aggregator.hosts();
    ASSERT_EQ(hosts.size(), 1U);
    EXPECT_EQ(hosts[0].bytesIn, 7'345U);
    EXPECT_EQ(hosts[0].bytesOut, 567U);
    EXPECT_FALSE(hosts[0].bytesComplete);
    EXPECT_DOUBLE_EQ(hosts[0].inBitsPerSecond.value_or(-1), 4'800.0);  // 1'200 B * 8 / 2 s
    EXPECT_FALSE(hosts[0].ratesComplete);
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].bytesIn, 7'345U);
    EXPECT_FALSE(processes[0].bytesComplete);
}

TEST(Aggregator, ClosedCountedFlowPlusOpenUncountedFlowIsALowerBound) {
    Aggregator aggregator;
    update(aggregator, {flow("198.51.100.7", 50001, 6'000, 600, 10, "app", 6'000, 600, true)}, 1.0);
    EXPECT_TRUE(aggregator.hosts().at(0).bytesComplete);
    update(aggregator, {udpFlow("198.51.100.7", 50002, 10, "app")}, 1.0);
    const auto hosts = aggregator.hosts();
    ASSERT_EQ(hosts.size(), 1U);
    EXPECT_EQ(hosts[0].bytesIn, 6'000U) << "the closed flow's bytes stay";
    EXPECT_EQ(hosts[0].bytesOut, 600U);
    EXPECT_FALSE(hosts[0].bytesComplete);
    EXPECT_EQ(hosts[0].inBitsPerSecond, std::nullopt) << "this tick only the uncounted flow";
    EXPECT_FALSE(aggregator.processes().at(0).bytesComplete);
}

TEST(Aggregator, ClosedUncountedFlowKeepsTheTotalALowerBound) {
    Aggregator aggregator;
    update(aggregator,
           {udpFlow("198.51.100.7", 50001, 10, "app", true),
            flow("198.51.100.7", 50002, 100, 10, 10, "app")},
           1.0);
    update(aggregator, {flow("198.51.100.7", 50002, 300, 30, 10, "app", 200, 20)}, 1.0);
    const auto hosts = aggregator.hosts();
    EXPECT_EQ(hosts.at(0).bytesIn, 300U);
    EXPECT_FALSE(hosts.at(0).bytesComplete) << "the UDP flow that closed was never counted";
    EXPECT_DOUBLE_EQ(hosts.at(0).inBitsPerSecond.value_or(-1), 1'600.0);
    EXPECT_TRUE(hosts.at(0).ratesComplete) << "every flow of this tick is counted";
}

TEST(Aggregator, UnknownTotalsSortAfterKnownOnesEvenZero) {
    Aggregator aggregator;
    update(aggregator,
           {udpFlow("198.51.100.1", 50001, 10, "a"), flow("198.51.100.2", 50002, 0, 0, 11, "b"),
            flow("198.51.100.3", 50003, 10, 0, 12, "c"), udpFlow("198.51.100.4", 50004, 13, "d")},
           1.0);
    const auto hosts = aggregator.hosts();
    ASSERT_EQ(hosts.size(), 4U);
    EXPECT_EQ(hosts[0].address, IpAddress::parse("198.51.100.3"));
    EXPECT_EQ(hosts[1].address, IpAddress::parse("198.51.100.2"));
    EXPECT_EQ(hosts[2].address, IpAddress::parse("198.51.100.1"));
    EXPECT_EQ(hosts[3].address, IpAddress::parse("198.51.100.4"));
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 4U);
    EXPECT_EQ(processes[0].pid, 12U);
    EXPECT_EQ(processes[1].pid, 11U);
    EXPECT_EQ(processes[2].pid, 10U);
    EXPECT_EQ(processes[3].pid, 13U);
}

TEST(Aggregator, ListeningSocketsLeaveAProcessComplete) {
    Aggregator aggregator;
    TestFlow udpListener = udpFlow("0.0.0.0", 5353, 10, "avahi");
    udpListener.stat->listening = true;
    update(aggregator, {udpListener, flow("198.51.100.7", 50001, 100, 10, 10, "avahi")}, 1.0);
    const auto processes = aggregator.processes();
    ASSERT_EQ(processes.size(), 1U);
    EXPECT_EQ(processes[0].bytesIn, 100U);
    EXPECT_TRUE(processes[0].bytesComplete);
    EXPECT_EQ(processes[0].listening, 1U);
}

TEST(Aggregator, SocketCountedAtCloseAddsNothingAndLeavesTheTotalExact) {
    Aggregator aggregator;
    update(aggregator, {flow("198.51.100.7", 50001, 9'000, 900, 10, "curl", 9'000, 900, true)},
           1.0);
    TestFlow timeWait = flow("198.51.100.7", 50001, 9'000, 900, 10, "curl");
    timeWait.stat->state = "TIME_WAIT";
    timeWait.countedAtClose = true;
    update(aggregator, {timeWait}, 1.0);
    const auto hosts = aggregator.hosts();
    EXPECT_EQ(hosts.at(0).bytesIn, 9'000U) << "not twice";
    EXPECT_TRUE(hosts.at(0).bytesComplete);
    EXPECT_EQ(hosts.at(0).inBitsPerSecond, 0.0);
    EXPECT_EQ(hosts.at(0).connections, 0U);
}

TEST(Aggregator, NoRateOnTheFirstTick) {
    Aggregator aggregator;
    update(aggregator, {flow("198.51.100.7", 50001, 9'000, 900, 10, "curl")}, 0.0);
    EXPECT_EQ(aggregator.hosts().at(0).bytesIn, 9'000U);
    EXPECT_EQ(aggregator.hosts().at(0).inBitsPerSecond, std::nullopt) << "no interval yet";
    EXPECT_EQ(aggregator.processes().at(0).outBitsPerSecond, std::nullopt);
}

std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> byName(
    const std::vector<TickTraffic>& traffic) {
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> out;
    for (const TickTraffic& entry : traffic) {
        EXPECT_TRUE(out.emplace(entry.name, std::pair{entry.bytesIn, entry.bytesOut}).second)
            << entry.name << " listed twice";
    }
    return out;
}

// A recorder's tick (no totals kept) stores exactly what the full update counts this tick.
TEST(Aggregator, TickTrafficAloneMatchesTheFullUpdate) {
    TestFlow closing = flow("198.51.100.7", 50003, 6'000, 60, 10, "curl", 500, 5, true);
    TestFlow hidden = flow("203.0.113.9", 50004, 300, 30, 0, "", 300, 30);
    hidden.stat->owner = OwnerVisibility::NeedsAdmin;
    hidden.stat->pid.reset();
    TestFlow listener = flow("0.0.0.0", 8080, 0, 0, 12, "server", 0, 0);
    listener.stat->listening = true;
    const std::vector<TestFlow> flows = {
        flow("198.51.100.7", 50001, 5'000, 500, 10, "curl", 1'000, 100),
        flow("198.51.100.7", 50002, 2'000, 200, 11, "wget", 200, 20),
        closing,
        udpFlow("198.51.100.7", 50005, 10, "curl"),            // no counts: adds nothing counted
        flow("127.0.0.1", 50006, 70, 7, 12, "server", 70, 7),  // a local peer: process only
        flow("192.0.2.99", 50007, 10, 1, 11, "wget", 0, 0),    // moved nothing this tick
        hidden,
        listener,
    };
    const std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> hosts = {
        {"198.51.100.7", {1'700, 125}}, {"203.0.113.9", {300, 30}}};
    const std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> processes = {
        {"curl", {1'500, 105}},
        {"wget", {200, 20}},
        {"server", {70, 7}},
        {Aggregator::kUnknownProcess, {300, 30}}};

    Aggregator full;
    update(full, flows, 1.0);
    EXPECT_EQ(byName(full.hostTraffic()), hosts);
    EXPECT_EQ(byName(full.processTraffic()), processes);

    Aggregator tickOnly;
    tickOnly.updateTickTraffic(tracked(flows));
    EXPECT_EQ(byName(tickOnly.hostTraffic()), hosts);
    EXPECT_EQ(byName(tickOnly.processTraffic()), processes);
    EXPECT_TRUE(tickOnly.hosts().empty()) << "no totals kept";
}

TEST(Aggregator, TopN) {
    EXPECT_EQ(topN(std::vector<int>{5, 4, 3}, 2), (std::vector<int>{5, 4}));
    EXPECT_EQ(topN(std::vector<int>{5}, 2), (std::vector<int>{5}));
}

}  // namespace
}  // namespace netmon
