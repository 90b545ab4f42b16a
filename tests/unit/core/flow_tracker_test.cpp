// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flow_tracker.h"

#include <gtest/gtest.h>

#include "fakes/fake_flow_sources.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::opened;
using test::ownedBy;
using test::tcpSocket;

using Owners = std::unordered_map<std::uint64_t, SocketOwner>;
const std::chrono::steady_clock::time_point kStart{100s};

const TrackedFlow* find(const std::vector<TrackedFlow>& flows, std::uint64_t id) {
    for (const TrackedFlow& flow : flows) {
        if (flow.stat->id == id) {
            return &flow;
        }
    }
    return nullptr;
}

TEST(FlowTracker, FirstReadingIsABaselineThenTicksCountGrowth) {
    FlowTracker tracker;
    auto first = tracker.update(
        opened({tcpSocket("192.0.2.1", 50000, "198.51.100.9", 443, 7, 5000, 300)}), {}, kStart);
    ASSERT_EQ(first.size(), 1U);
    EXPECT_EQ(first[0].tickBytesIn, 0U) << "bytes from before monitoring are not this tick's";
    EXPECT_EQ(first[0].stat->bytesIn, 5000U) << "but the lifetime total is shown";
    EXPECT_FALSE(first[0].stat->inBitsPerSecond);

    auto second = tracker.update(
        opened({tcpSocket("192.0.2.1", 50000, "198.51.100.9", 443, 7, 130'000, 2'800)}), {},
        kStart + 2s);
    ASSERT_EQ(second.size(), 1U);
    EXPECT_EQ(second[0].tickBytesIn, 125'000U);
    EXPECT_EQ(second[0].tickBytesOut, 2'500U);
    EXPECT_DOUBLE_EQ(*second[0].stat->inBitsPerSecond, 500'000.0);  // 125'000 * 8 / 2 s
    EXPECT_DOUBLE_EQ(*second[0].stat->outBitsPerSecond, 10'000.0);
    EXPECT_EQ(second[0].stat->service, "https");
    EXPECT_FALSE(second[0].closed);
}

TEST(FlowTracker, FlowThatAppearsLaterCountsAllItsBytes) {
    FlowTracker tracker;
    tracker.update({}, {}, kStart);
    auto out = tracker.update(
        opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 22, 9, 4'000, 1'000)}), {}, kStart + 1s);
    EXPECT_EQ(out.at(0).tickBytesIn, 4'000U);
    EXPECT_EQ(out.at(0).tickBytesOut, 1'000U);
    EXPECT_EQ(out.at(0).stat->service, "ssh");
}

TEST(FlowTracker, CountersNeverGoBackwards) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 1'000, 1'000)}), {},
                   kStart);
    auto out = tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 999, 1'000)}),
                              {}, kStart + 1s);
    EXPECT_EQ(out.at(0).tickBytesIn, 0U);
    EXPECT_EQ(out.at(0).stat->bytesIn, 1'000U);
}

TEST(FlowTracker, TimeWaitWithoutCountersKeepsTheLastOnes) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 7'000, 700, 55)}), {},
                   kStart);
    SocketRecord timeWait = tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 0, 0, 0, "TIME_WAIT");
    timeWait.bytesReceived.reset();
    timeWait.bytesSent.reset();
    auto out = tracker.update(opened({timeWait}), {}, kStart + 1s);
    EXPECT_EQ(out.at(0).stat->state, "TIME_WAIT");
    EXPECT_EQ(out.at(0).stat->bytesIn, 7'000U);
    EXPECT_EQ(out.at(0).tickBytesIn, 0U);
}

TEST(FlowTracker, VanishedFlowIsReportedClosedOnceWithItsLastBytes) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 7'000, 700)}), {},
                   kStart);
    auto gone = tracker.update({}, {}, kStart + 1s);
    ASSERT_EQ(gone.size(), 1U);
    EXPECT_TRUE(gone[0].closed);
    EXPECT_EQ(gone[0].stat->bytesIn, 7'000U);
    EXPECT_EQ(gone[0].tickBytesIn, 0U);
    EXPECT_TRUE(tracker.update({}, {}, kStart + 2s).empty()) << "reported once, then forgotten";
    EXPECT_EQ(tracker.trackedFlows(), 0U);
}

TEST(FlowTracker, DestroyNoticeCountsTheFinalBytesOnce) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 7'000, 700)}), {},
                   kStart);
    SocketReading reading;
    reading.closed = {tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 9'500, 800)};
    reading.open = {tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 9'000, 800)};  // stale dup
    auto out = tracker.update(reading, {}, kStart + 1s);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_TRUE(out[0].closed);
    EXPECT_EQ(out[0].tickBytesIn, 2'500U);
    EXPECT_EQ(out[0].tickBytesOut, 100U);
    EXPECT_EQ(out[0].stat->bytesIn, 9'500U);
}

TEST(FlowTracker, TimeWaitAfterADestroyNoticeShowsTheFinalBytesOnceCounted) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 7'000, 700)}), {},
                   kStart);
    // The connection closes: its destroy notice has the final counters, and the TIME_WAIT
    // socket that stays keeps its cookie but has no counters.
    SocketRecord timeWait = tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 0, 0, 0, "TIME_WAIT");
    timeWait.bytesReceived.reset();
    timeWait.bytesSent.reset();
    SocketReading closing;
    closing.closed = {tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 9'500, 800)};
    closing.open = {timeWait};
    const auto closed = tracker.update(closing, {}, kStart + 1s);
    ASSERT_EQ(closed.size(), 1U);
    EXPECT_TRUE(closed[0].closed);
    EXPECT_EQ(closed[0].tickBytesIn, 2'500U);

    const auto later = tracker.update(opened({timeWait}), {}, kStart + 2s);
    ASSERT_EQ(later.size(), 1U);
    EXPECT_FALSE(later[0].closed);
    EXPECT_EQ(later[0].stat->state, "TIME_WAIT");
    EXPECT_EQ(later[0].stat->bytesIn, 9'500U) << "its final bytes, not unknown";
    EXPECT_EQ(later[0].stat->bytesOut, 800U);
    EXPECT_EQ(later[0].tickBytesIn, 0U);
    EXPECT_TRUE(later[0].countedAtClose) << "already in the totals";

    EXPECT_TRUE(tracker.update({}, {}, kStart + 3s).empty())
        << "when the TIME_WAIT socket goes, nothing is reported closed a second time";
    EXPECT_EQ(tracker.trackedFlows(), 0U);
}

TEST(FlowTracker, DestroyNoticeKeepsTheUidSeenWhileOpen) {
    FlowTracker tracker;
    SocketRecord open = tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 10, 10);
    open.uid = 1000;
    tracker.update(opened({open}), {}, kStart);
    SocketReading reading;
    reading.closed = {tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 20, 10)};  // uid 0
    const auto out = tracker.update(reading, {}, kStart + 1s);
    EXPECT_EQ(out.at(0).stat->uid, 1000U);
}

TEST(FlowTracker, FlowBornAndGoneBetweenTicksStillCounts) {
    FlowTracker tracker;
    tracker.update({}, {}, kStart);
    SocketReading reading;
    reading.closed = {tcpSocket("10.0.0.2", 40001, "10.0.0.3", 80, 2, 3'000, 150)};
    auto out = tracker.update(reading, {}, kStart + 1s);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_TRUE(out[0].closed);
    EXPECT_EQ(out[0].tickBytesIn, 3'000U);
    EXPECT_EQ(out[0].tickBytesOut, 150U);
}

TEST(FlowTracker, AVanishedFlowIsReportedClosedOnceAndIsNoLongerOpen) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 100, 0),
                           tcpSocket("10.0.0.2", 40001, "10.0.0.3", 80, 2, 200, 0)}),
                   {}, kStart);
    const auto second = tracker.update(
        opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 150, 0)}), {}, kStart + 1s);
    ASSERT_EQ(second.size(), 2U);
    const TrackedFlow* gone = find(second, 2);
    ASSERT_NE(gone, nullptr);
    EXPECT_TRUE(gone->closed);
    EXPECT_EQ(gone->stat->bytesIn, 200U) << "the bytes last counted";
    EXPECT_EQ(gone->tickBytesIn, 0U);
    const auto open = tracker.openFlows();
    ASSERT_EQ(open.size(), 1U) << "what a failed read shows next: the open flow only";
    EXPECT_EQ(open[0].id, 1U);
    EXPECT_EQ(tracker.trackedFlows(), 1U) << "the vanished flow is no longer followed";

    const auto third = tracker.update(
        opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 150, 0)}), {}, kStart + 2s);
    ASSERT_EQ(third.size(), 1U) << "reported closed once";
    EXPECT_EQ(tracker.trackedFlows(), 1U);
}

TEST(FlowTracker, ReusedFiveTupleWithANewCookieIsANewFlow) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 9'000, 0)}), {}, kStart);
    auto out = tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 2, 500, 0)}), {},
                              kStart + 1s);
    ASSERT_EQ(out.size(), 2U);
    const TrackedFlow* fresh = find(out, 2);
    const TrackedFlow* old = find(out, 1);
    ASSERT_TRUE(fresh && old);
    EXPECT_EQ(fresh->tickBytesIn, 500U);
    EXPECT_TRUE(old->closed);
}

TEST(FlowTracker, OwnerSeenOnceStaysWhenLaterLookupsFindNone) {
    FlowTracker tracker;
    tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 0, 0, 77)}),
                   Owners{{77, ownedBy(4242, "curl")}}, kStart);
    auto out = tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 10, 0, 77)}),
                              Owners{{77, SocketOwner{}}}, kStart + 1s);
    EXPECT_EQ(out.at(0).stat->owner, OwnerVisibility::Known);
    EXPECT_EQ(out.at(0).stat->pid, 4242U);
    EXPECT_EQ(out.at(0).stat->processName, "curl");
    EXPECT_EQ(out.at(0).stat->executable, "/usr/bin/curl");
}

TEST(FlowTracker, HiddenOwnerIsSaidSoNotGuessed) {
    FlowTracker tracker;
    SocketOwner hidden;
    hidden.visibility = OwnerVisibility::NeedsAdmin;
    auto out = tracker.update(opened({tcpSocket("10.0.0.2", 40000, "10.0.0.3", 80, 1, 0, 0, 78)}),
                              Owners{{78, hidden}}, kStart);
    EXPECT_EQ(out.at(0).stat->owner, OwnerVisibility::NeedsAdmin);
    EXPECT_FALSE(out.at(0).stat->pid);
    EXPECT_TRUE(out.at(0).stat->processName.empty());
}

TEST(FlowTracker, ServiceNamesForListenersAndServerSides) {
    FlowTracker tracker;
    auto listener = tcpSocket("0.0.0.0", 22, "0.0.0.0", 0, 1, 0, 0, 0, "LISTEN");
    auto serverSide = tcpSocket("10.0.0.2", 5432, "10.0.0.9", 51000, 2, 0, 0);
    auto out = tracker.update(opened({listener, serverSide}), {}, kStart);
    EXPECT_EQ(find(out, 1)->stat->service, "ssh");
    EXPECT_TRUE(find(out, 1)->stat->listening);
    EXPECT_EQ(find(out, 2)->stat->service, "postgresql");
}

}  // namespace
}  // namespace netmon
