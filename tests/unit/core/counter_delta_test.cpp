// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/counter_delta.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

TEST(CounterStep, ForwardIsThePlainDifference) {
    const CounterStep step = counterStep(1'000, 126'000, 64);
    EXPECT_EQ(step.delta, 125'000U);
    EXPECT_FALSE(step.wrapped);
    EXPECT_FALSE(step.reset);
}

TEST(CounterStep, SixtyFourBitBackwardsIsAResetCountingFromZero) {
    const CounterStep step = counterStep(10'000'000, 4'000, 64);
    EXPECT_EQ(step.delta, 4'000U);  // not 2^64 - 9'996'000
    EXPECT_TRUE(step.reset);
    EXPECT_FALSE(step.wrapped);
}

TEST(CounterStep, ThirtyTwoBitWrapCountsAcrossTheTop) {
    // 296 bytes to the top of 2^32 = 4'294'967'296, then 704 more: 1'000 in all.
    const CounterStep step = counterStep(4'294'967'000ULL, 704, 32);
    EXPECT_EQ(step.delta, 1'000U);
    EXPECT_TRUE(step.wrapped);
    EXPECT_FALSE(step.reset);
}

TEST(CounterStep, ThirtyTwoBitLargeDropIsAResetNotAWrap) {
    // Going from 3'000'000 to 500 would be a wrap of 4'291'967'796 bytes: more than half the
    // range, so the driver was reset instead.
    const CounterStep step = counterStep(3'000'000, 500, 32);
    EXPECT_EQ(step.delta, 500U);
    EXPECT_TRUE(step.reset);
    EXPECT_FALSE(step.wrapped);
}

TEST(CounterStep, ThirtyTwoBitIgnoresBitsAboveTheWidth) {
    // Some sources hand 32-bit counters over in 64-bit fields with junk above.
    const CounterStep step = counterStep(0x1'0000'0010ULL, 0x2'0000'0030ULL, 32);
    EXPECT_EQ(step.delta, 0x20U);
}

TEST(CounterStep, UnchangedCounterIsZero) {
    EXPECT_EQ(counterStep(42, 42, 64).delta, 0U);
    EXPECT_EQ(counterStep(42, 42, 32).delta, 0U);
}

}  // namespace
}  // namespace netmon
