// SPDX-License-Identifier: GPL-3.0-or-later
// A snapshot crosses the service's socket as JSON text and comes back field for field: the
// truth is the snapshot built by hand in snapshot_values.h, compared field by field.
#include "protocol/snapshot_codec.h"

#include <gtest/gtest.h>

#include <string>

#include "snapshot_values.h"

namespace netmon::protocol {
namespace {

using test::kMax64;
using test::kWallNanoseconds;

const auto kReceived = std::chrono::steady_clock::time_point(std::chrono::seconds(42));

// As the socket carries it: one line of text, parsed again on the other side.
Result<Snapshot> throughText(const Snapshot& snapshot) {
    const std::string line = encodeSnapshot(snapshot).dump();
    EXPECT_EQ(line.find('\n'), std::string::npos);
    return decodeSnapshot(nlohmann::json::parse(line), kReceived);
}

TEST(SnapshotCodecTest, EveryFieldComesBackAsItWasSent) {
    const Snapshot sent = test::sampleSnapshot();
    const Result<Snapshot> received = throughText(sent);
    ASSERT_TRUE(received) << received.error().describe();
    test::expectSameSnapshot(*received, sent);
}

TEST(SnapshotCodecTest, UnknownValuesStayUnknownAndZeroStaysZero) {
    const Result<Snapshot> received = throughText(test::sampleSnapshot());
    ASSERT_TRUE(received) << received.error().describe();
    const FlowStat& unknown = received->flows[1];
    EXPECT_FALSE(unknown.uid);
    EXPECT_FALSE(unknown.pid);
    EXPECT_FALSE(unknown.bytesIn);
    EXPECT_FALSE(unknown.bytesOut);
    EXPECT_FALSE(unknown.packetsIn);
    EXPECT_FALSE(unknown.packetsOut);
    EXPECT_FALSE(unknown.inBitsPerSecond);
    EXPECT_FALSE(unknown.outBitsPerSecond);
    EXPECT_EQ(received->flows[0].bytesOut, std::optional<std::uint64_t>(0));
    EXPECT_EQ(received->flows[0].outBitsPerSecond, std::optional<double>(0.0));
    EXPECT_FALSE(received->interfaces[1].traffic);
    EXPECT_FALSE(received->interfaces[1].speedMbps);
    EXPECT_FALSE(received->hosts[1].bytesIn);
    EXPECT_FALSE(received->processes[1].inBitsPerSecond);
}

// What the wire holds, checked against hand-written values: unknown is null, counters are
// exact integers, time is integer nanoseconds since the epoch, enums and addresses are text.
TEST(SnapshotCodecTest, WireFormatIsNullForUnknownAndExactIntegers) {
    const nlohmann::json json = encodeSnapshot(test::sampleSnapshot());
    const std::string text = json.dump();
    EXPECT_TRUE(json.at("flows").at(1).at("bytes_in").is_null());
    EXPECT_TRUE(json.at("flows").at(1).at("pid").is_null());
    EXPECT_TRUE(json.at("interfaces").at(1).at("traffic").is_null());
    EXPECT_NE(text.find("\"sequence\":18446744073709551615"), std::string::npos);
    EXPECT_NE(text.find("\"wall_time\":1764185645123456789"), std::string::npos);
    EXPECT_EQ(json.at("interfaces").at(0).at("state"), "lower-layer-down");
    EXPECT_EQ(json.at("flows").at(0).at("protocol"), "icmpv6");
    EXPECT_EQ(json.at("flows").at(0).at("owner"), "needs-admin");
    EXPECT_EQ(json.at("flows").at(0).at("remote_address"), "::ffff:198.51.100.7");
    EXPECT_EQ(json.at("flows").at(0).at("remote_port"), 1);
    EXPECT_EQ(json.at("mode"), "deep");
    EXPECT_FALSE(json.contains("steady_time"));
}

TEST(SnapshotCodecTest, SteadyTimeIsTheReceiversClock) {
    Snapshot sent = test::sampleSnapshot();
    sent.steadyTime = std::chrono::steady_clock::time_point(std::chrono::hours(1000));
    const Result<Snapshot> received = decodeSnapshot(encodeSnapshot(sent), kReceived);
    ASSERT_TRUE(received) << received.error().describe();
    EXPECT_EQ(received->steadyTime, kReceived);
}

TEST(SnapshotCodecTest, WallTimeKeepsNanosecondsAndTimesBeforeTheEpoch) {
    for (const std::int64_t nanoseconds :
         {kWallNanoseconds, std::int64_t{-1}, std::int64_t{0},
          std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
        Snapshot sent;
        sent.wallTime = std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::system_clock::duration>(
                std::chrono::nanoseconds(nanoseconds)));
        const Result<Snapshot> received = throughText(sent);
        ASSERT_TRUE(received) << received.error().describe();
        EXPECT_EQ(std::chrono::duration_cast<std::chrono::nanoseconds>(
                      received->wallTime.time_since_epoch())
                      .count(),
                  nanoseconds);
    }
}

TEST(SnapshotCodecTest, AnAddressOfNoFamilyIsNullBothWays) {
    Snapshot sent;
    sent.flows.emplace_back();  // default key: addresses of no family
    const nlohmann::json json = encodeSnapshot(sent);
    EXPECT_TRUE(json.at("flows").at(0).at("local_address").is_null());
    const Result<Snapshot> received = decodeSnapshot(json, kReceived);
    ASSERT_TRUE(received) << received.error().describe();
    EXPECT_EQ(received->flows.at(0).key.localAddress.family(), AddressFamily::None);
}

TEST(SnapshotCodecTest, AnEmptySnapshotComesBackEmpty) {
    const Result<Snapshot> received = throughText(Snapshot{});
    ASSERT_TRUE(received) << received.error().describe();
    test::expectSameSnapshot(*received, Snapshot{});
}

}  // namespace
}  // namespace netmon::protocol
