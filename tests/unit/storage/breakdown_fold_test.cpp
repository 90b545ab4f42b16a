// SPDX-License-Identifier: GPL-3.0-or-later
// foldIntoBucket and OtherCandidates on their own: which keys keep a row, and that the
// bucket's total always grows by exactly what the batches carried.
#include "storage/breakdown_fold.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace netmon::storage {
namespace {

BreakdownBytes total(const BucketRows& bucket) {
    BreakdownBytes sum = bucket.other;
    for (const auto& [name, bytes] : bucket.named) {
        sum += bytes;
    }
    return sum;
}

TEST(BreakdownFold, WithRoomEveryKeyHasItsOwnExactRow) {
    BucketRows bucket;
    OtherCandidates candidates(40);
    foldIntoBucket(bucket, {{"a", {10, 1}}, {"b", {20, 2}}}, 10, candidates);
    foldIntoBucket(bucket, {{"a", {5, 5}}, {"c", {1, 0}}}, 10, candidates);
    ASSERT_EQ(bucket.named.size(), 3U);
    EXPECT_EQ(bucket.named["a"], (BreakdownBytes{15, 6}));
    EXPECT_EQ(bucket.named["b"], (BreakdownBytes{20, 2}));
    EXPECT_EQ(bucket.named["c"], (BreakdownBytes{1, 0}));
    EXPECT_EQ(bucket.other, BreakdownBytes{});
}

TEST(BreakdownFold, ABiggerNewcomerTakesTheSmallestRowsPlace) {
    BucketRows bucket;
    OtherCandidates candidates(8);
    foldIntoBucket(bucket, {{"a", {100, 0}}, {"b", {50, 0}}}, 2, candidates);
    foldIntoBucket(bucket, {{"c", {70, 0}}, {"d", {10, 0}}}, 2, candidates);
    ASSERT_EQ(bucket.named.size(), 2U);
    EXPECT_TRUE(bucket.named.contains("a"));
    EXPECT_EQ(bucket.named["c"], (BreakdownBytes{70, 0}));
    EXPECT_EQ(bucket.other, (BreakdownBytes{60, 0}));  // b's 50 and d's 10
    // b comes back with 25: with its 50 in "other" it has 75 > c's 70, and takes them along.
    foldIntoBucket(bucket, {{"b", {25, 0}}}, 2, candidates);
    EXPECT_EQ(bucket.named["b"], (BreakdownBytes{75, 0}));
    EXPECT_FALSE(bucket.named.contains("c"));
    EXPECT_EQ(bucket.other, (BreakdownBytes{80, 0}));  // c's 70 and d's 10
    EXPECT_EQ(total(bucket), (BreakdownBytes{255, 0}));
}

// A host that keeps sending more than 1/(4N) of what goes into "other" earns its row during a
// flood of one-packet sources, with every byte it sent; the total stays exact throughout.
TEST(BreakdownFold, ASteadyHostEarnsItsRowThroughAFloodOfOneOffSources) {
    constexpr std::size_t kLimit = 10;
    BucketRows bucket;
    OtherCandidates candidates(4 * kLimit);
    BatchBytes first;
    for (int i = 0; i < 10; ++i) {
        first.push_back({"big-" + std::to_string(i), {5'000, 0}});
    }
    foldIntoBucket(bucket, first, kLimit, candidates);
    std::int64_t sent = 50'000;
    int source = 0;
    for (int batch = 0; batch < 5; ++batch) {
        BatchBytes flood{{"steady", {0, 2'000}}};
        for (int i = 0; i < 1'000; ++i) {
            flood.push_back({"spoofed-" + std::to_string(source++), {60, 0}});
        }
        sent += 2'000 + 60'000;
        foldIntoBucket(bucket, std::move(flood), kLimit, candidates);
        EXPECT_EQ(total(bucket).total(), sent);
        EXPECT_LE(candidates.size(), 4 * kLimit);
    }
    ASSERT_TRUE(bucket.named.contains("steady"));
    EXPECT_EQ(bucket.named["steady"], (BreakdownBytes{0, 5 * 2'000}));
    EXPECT_EQ(bucket.named.size(), kLimit);
    EXPECT_EQ(bucket.other, (BreakdownBytes{5'000 + 5 * 60'000, 0}));  // one big-, the flood
}

TEST(BreakdownFold, ALowerLimitSendsTheSmallestRowsToOther) {
    BucketRows bucket;
    OtherCandidates candidates(40);
    foldIntoBucket(bucket, {{"a", {1, 0}}, {"b", {2, 0}}, {"c", {3, 0}}}, 10, candidates);
    foldIntoBucket(bucket, {}, 1, candidates);
    ASSERT_EQ(bucket.named.size(), 1U);
    EXPECT_EQ(bucket.named["c"], (BreakdownBytes{3, 0}));
    EXPECT_EQ(bucket.other, (BreakdownBytes{3, 0}));
}

TEST(BreakdownFold, CandidatesNeverClaimMoreThanOtherHolds) {
    BucketRows bucket;
    OtherCandidates candidates(8);
    candidates.add("ghost", {1'000, 1'000});  // says more than "other" holds (e.g. pruned)
    bucket.other = {10, 0};
    foldIntoBucket(bucket, {{"ghost", {5, 5}}}, 4, candidates);
    EXPECT_EQ(bucket.named["ghost"], (BreakdownBytes{15, 5}));
    EXPECT_EQ(bucket.other, BreakdownBytes{});
}

TEST(OtherCandidates, KeepsAtMostItsCapacityAndTheHeaviestKeys) {
    OtherCandidates candidates(3);
    candidates.add("heavy", {1'000, 0});  // half of all: more than the 1/3 each slot holds
    for (int i = 0; i < 1'000; ++i) {
        candidates.add("one-off-" + std::to_string(i), {1, 0});
    }
    EXPECT_EQ(candidates.size(), 3U);
    EXPECT_EQ(candidates.inOther("heavy"), (BreakdownBytes{1'000, 0}));
    // A newcomer that takes an evicted key's place claims only its own bytes.
    EXPECT_EQ(candidates.inOther("one-off-999"), (BreakdownBytes{1, 0}));
    candidates.forget("heavy");
    EXPECT_EQ(candidates.inOther("heavy"), BreakdownBytes{});
    EXPECT_EQ(candidates.size(), 2U);
}

TEST(KeepLargest, ATickWithinTheLimitIsUnchanged) {
    const TimePoint tick{std::chrono::seconds(1'700'000'000)};
    std::vector<BreakdownSample> samples{{Breakdown::Host, "a", tick, 5, 1},
                                         {Breakdown::Host, "b", tick, 7, 0}};
    const auto kept = keepLargest(samples, 2);
    ASSERT_EQ(kept.size(), 2U);
    EXPECT_EQ(kept[0].name, "a");
    EXPECT_FALSE(kept[1].other);
}

// Per dimension and tick: the largest by name, the rest in one "other" sample, same totals.
TEST(KeepLargest, TheRestOfATickBecomesOneOtherSamplePerDimension) {
    const TimePoint tick{std::chrono::seconds(1'700'000'000)};
    std::vector<BreakdownSample> samples;
    std::uint64_t hostsIn = 0;
    for (int i = 1; i <= 10; ++i) {
        samples.push_back({Breakdown::Host, "h" + std::to_string(i), tick,
                           static_cast<std::uint64_t>(100 * i), 1});
        hostsIn += static_cast<std::uint64_t>(100 * i);
    }
    samples.push_back({Breakdown::Process, "curl", tick, 3, 3});
    const auto kept = keepLargest(samples, 3);
    std::set<std::string> names;
    BreakdownSample hostsOther;
    std::uint64_t keptIn = 0;
    for (const BreakdownSample& sample : kept) {
        if (sample.other) {
            EXPECT_EQ(sample.dimension, Breakdown::Host);
            EXPECT_EQ(sample.time, tick);
            hostsOther = sample;
        } else {
            names.insert(sample.name);
            keptIn += sample.dimension == Breakdown::Host ? sample.bytesIn : 0;
        }
    }
    EXPECT_EQ(names, (std::set<std::string>{"h8", "h9", "h10", "curl"}));
    EXPECT_EQ(hostsOther.bytesIn, 100U * (1 + 2 + 3 + 4 + 5 + 6 + 7));
    EXPECT_EQ(hostsOther.bytesOut, 7U);
    EXPECT_EQ(keptIn + hostsOther.bytesIn, hostsIn);
    EXPECT_EQ(kept.size(), 5U);  // 3 hosts, their "other", curl
}

}  // namespace
}  // namespace netmon::storage
