// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rate_calculator.h"

#include <gtest/gtest.h>

#include "fakes/fake_interface_source.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::makeInterface;

class RateCalculatorTest : public ::testing::Test {
protected:
    std::vector<InterfaceStat> feed(std::vector<InterfaceStat> reading,
                                    std::chrono::steady_clock::duration at) {
        m_calculator.update(reading, std::chrono::steady_clock::time_point{at});
        return reading;
    }
    RateCalculator m_calculator;
};

TEST_F(RateCalculatorTest, FirstReadingHasNoRateYet) {
    const auto out = feed({makeInterface("eth0", 2, 5'000'000, 1'000)}, 10s);
    ASSERT_EQ(out.size(), 1U);
    EXPECT_FALSE(out[0].traffic.has_value());
}

TEST_F(RateCalculatorTest, OneSecondTickGivesBitsPerSecond) {
    feed({makeInterface("eth0", 2, 1'000, 2'000, 10, 20)}, 10s);
    const auto out = feed({makeInterface("eth0", 2, 126'000, 14'500, 110, 45)}, 11s);
    ASSERT_TRUE(out[0].traffic);
    const InterfaceTraffic& t = *out[0].traffic;
    EXPECT_EQ(t.rxBytes, 125'000U);
    EXPECT_EQ(t.txBytes, 12'500U);
    EXPECT_EQ(t.rxPackets, 100U);
    EXPECT_EQ(t.txPackets, 25U);
    EXPECT_DOUBLE_EQ(t.rxBitsPerSecond, 1'000'000.0);  // 125'000 B * 8 / 1 s
    EXPECT_DOUBLE_EQ(t.txBitsPerSecond, 100'000.0);
    EXPECT_DOUBLE_EQ(t.elapsedSeconds, 1.0);
    EXPECT_FALSE(t.counterReset);
}

TEST_F(RateCalculatorTest, LateTickIsDividedByTheRealElapsedTime) {
    feed({makeInterface("eth0", 2, 0, 0)}, 10s);
    // Due after 1 s, came after 2.5 s: 1'000'000 B * 8 / 2.5 s.
    const auto out = feed({makeInterface("eth0", 2, 1'000'000, 0)}, 12'500ms);
    ASSERT_TRUE(out[0].traffic);
    EXPECT_DOUBLE_EQ(out[0].traffic->rxBitsPerSecond, 3'200'000.0);
    EXPECT_DOUBLE_EQ(out[0].traffic->elapsedSeconds, 2.5);
}

TEST_F(RateCalculatorTest, CounterGoingBackwardsIsAResetNotNegativeOrHuge) {
    feed({makeInterface("eth0", 2, 10'000'000, 10'000'000)}, 10s);
    const auto out = feed({makeInterface("eth0", 2, 4'000, 10'000'100)}, 11s);
    ASSERT_TRUE(out[0].traffic);
    EXPECT_TRUE(out[0].traffic->counterReset);
    EXPECT_EQ(out[0].traffic->rxBytes, 4'000U);
    EXPECT_DOUBLE_EQ(out[0].traffic->rxBitsPerSecond, 32'000.0);
    EXPECT_EQ(out[0].traffic->txBytes, 100U);
    // The reset is the new baseline: the next tick is an ordinary difference.
    const auto next = feed({makeInterface("eth0", 2, 5'000, 10'000'100)}, 12s);
    EXPECT_EQ(next[0].traffic->rxBytes, 1'000U);
    EXPECT_FALSE(next[0].traffic->counterReset);
}

TEST_F(RateCalculatorTest, ThirtyTwoBitCountersWrap) {
    auto first = makeInterface("ppp0", 7, 4'294'966'296ULL, 0);  // 1'000 below 2^32
    first.counterBits = 32;
    feed({first}, 10s);
    auto second = makeInterface("ppp0", 7, 1'000, 0);
    second.counterBits = 32;
    const auto out = feed({second}, 12s);
    ASSERT_TRUE(out[0].traffic);
    EXPECT_EQ(out[0].traffic->rxBytes, 2'000U);
    EXPECT_DOUBLE_EQ(out[0].traffic->rxBitsPerSecond, 8'000.0);  // 2'000 B * 8 / 2 s
    EXPECT_FALSE(out[0].traffic->counterReset);
}

TEST_F(RateCalculatorTest, InterfaceRecreatedUnderTheSameNameCountsFromZero) {
    feed({makeInterface("veth0", 10, 500, 500)}, 10s);
    // New index, and counters that happen to be higher than the old ones: still a new device.
    const auto out = feed({makeInterface("veth0", 11, 800, 600)}, 11s);
    ASSERT_TRUE(out[0].traffic);
    EXPECT_TRUE(out[0].traffic->counterReset);
    EXPECT_EQ(out[0].traffic->rxBytes, 800U);
    EXPECT_EQ(out[0].traffic->txBytes, 600U);
}

TEST_F(RateCalculatorTest, InterfacesThatAppearAndVanish) {
    feed({makeInterface("eth0", 2, 0, 0)}, 10s);
    auto out = feed({makeInterface("eth0", 2, 100, 0), makeInterface("wg0", 5, 7'000, 0)}, 11s);
    EXPECT_TRUE(out[0].traffic);
    EXPECT_FALSE(out[1].traffic) << "a new interface only sets its baseline";
    out = feed({makeInterface("eth0", 2, 200, 0)}, 12s);  // wg0 gone
    EXPECT_EQ(m_calculator.trackedInterfaces(), 1U);
    out = feed({makeInterface("eth0", 2, 300, 0), makeInterface("wg0", 5, 9'000, 0)}, 13s);
    EXPECT_FALSE(out[1].traffic) << "a returning interface starts afresh, no stale baseline";
}

TEST_F(RateCalculatorTest, ZeroElapsedKeepsTheOlderBaseline) {
    feed({makeInterface("eth0", 2, 1'000, 0)}, 10s);
    auto out = feed({makeInterface("eth0", 2, 1'500, 0)}, 10s);
    EXPECT_FALSE(out[0].traffic);
    out = feed({makeInterface("eth0", 2, 3'000, 0)}, 12s);
    ASSERT_TRUE(out[0].traffic);
    EXPECT_EQ(out[0].traffic->rxBytes, 2'000U);  // from the 1'000 at 10 s, nothing lost
    EXPECT_DOUBLE_EQ(out[0].traffic->rxBitsPerSecond, 8'000.0);
}

TEST_F(RateCalculatorTest, SubSecondTicks) {
    feed({makeInterface("lo", 1, 0, 0)}, 10s);
    const auto out = feed({makeInterface("lo", 1, 1'250, 1'250)}, 10'100ms);
    ASSERT_TRUE(out[0].traffic);
    EXPECT_NEAR(out[0].traffic->rxBitsPerSecond, 100'000.0, 1e-6);  // 1'250 B * 8 / 0.1 s
}

}  // namespace
}  // namespace netmon
