// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshot lines: full-access subscribers share one encoding per tick; a limited client's line
// is its own, filtered to its uid.
#include "service/snapshot_lines.h"

#include <gtest/gtest.h>

#include "protocol/snapshot_codec.h"

namespace netmon::service {
namespace {

FlowStat flowOf(std::uint32_t uid, std::uint16_t localPort) {
    FlowStat flow;
    flow.key = {Protocol::Udp, *IpAddress::parse("192.0.2.1"), localPort,
                *IpAddress::parse("192.0.2.2"), 53};
    flow.uid = uid;
    flow.owner = OwnerVisibility::Known;
    flow.bytesIn = 100;
    flow.bytesOut = 10;
    return flow;
}

Snapshot tick(std::uint64_t sequence, std::size_t flowsOfEachUser) {
    Snapshot snapshot;
    snapshot.sequence = sequence;
    for (std::size_t i = 0; i < flowsOfEachUser; ++i) {
        snapshot.flows.push_back(flowOf(1000, static_cast<std::uint16_t>(40000 + i)));
        snapshot.flows.push_back(flowOf(2000, static_cast<std::uint16_t>(50000 + i)));
    }
    return snapshot;
}

// The uids of the flows a Full line carries, decoded as a client decodes them.
std::vector<std::uint32_t> uidsIn(const std::string& line) {
    auto reply = protocol::parseReply(line);
    EXPECT_TRUE(reply) << line;
    auto snapshot = protocol::decodeSnapshot(reply->at("snapshot"), {});
    EXPECT_TRUE(snapshot) << line;
    std::vector<std::uint32_t> uids;
    for (const FlowStat& flow : snapshot->flows) {
        uids.push_back(flow.uid.value_or(0));
    }
    return uids;
}

const Access kFull{true, std::nullopt};
const Access kUser1000{false, 1000};

TEST(SnapshotLines, FullAccessGetsEveryFlowEncodedOncePerTick) {
    SnapshotLines lines;
    const Snapshot first = tick(1, 2);
    const std::string line = lines.lineFor(first, protocol::SnapshotFormat::Full, kFull);
    EXPECT_EQ(line, encodeSnapshotLine(first, protocol::SnapshotFormat::Full, kFull));
    EXPECT_EQ(uidsIn(line), (std::vector<std::uint32_t>{1000, 2000, 1000, 2000}));
    // The same tick again is answered from the cache: a snapshot that differs but claims the
    // same sequence still gets the first encoding.
    EXPECT_EQ(lines.lineFor(tick(1, 5), protocol::SnapshotFormat::Full, kFull), line);
    // The next tick is encoded afresh.
    EXPECT_EQ(uidsIn(lines.lineFor(tick(2, 1), protocol::SnapshotFormat::Full, kFull)).size(), 2U);
}

TEST(SnapshotLines, FormatsAreCachedApart) {
    SnapshotLines lines;
    const Snapshot first = tick(3, 1);
    const std::string watch = lines.lineFor(first, protocol::SnapshotFormat::Watch, kFull);
    const std::string full = lines.lineFor(first, protocol::SnapshotFormat::Full, kFull);
    EXPECT_NE(watch, full);
    EXPECT_EQ(watch, encodeSnapshotLine(first, protocol::SnapshotFormat::Watch, kFull));
    EXPECT_EQ(lines.lineFor(first, protocol::SnapshotFormat::Watch, kFull), watch);
}

TEST(SnapshotLines, ALimitedClientNeverGetsTheSharedLine) {
    SnapshotLines lines;
    const Snapshot first = tick(4, 3);
    (void)lines.lineFor(first, protocol::SnapshotFormat::Full, kFull);
    EXPECT_EQ(uidsIn(lines.lineFor(first, protocol::SnapshotFormat::Full, kUser1000)),
              (std::vector<std::uint32_t>{1000, 1000, 1000}));
    // …and a limited client first does not fill the shared cache with its view.
    SnapshotLines fresh;
    (void)fresh.lineFor(first, protocol::SnapshotFormat::Full, kUser1000);
    EXPECT_EQ(uidsIn(fresh.lineFor(first, protocol::SnapshotFormat::Full, kFull)).size(), 6U);
}

}  // namespace
}  // namespace netmon::service
