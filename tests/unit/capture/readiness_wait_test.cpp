// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/readiness_wait.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

namespace netmon::capture {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A wait with a minute's timeout that returns within seconds returned because of wake().
constexpr auto kLongWait = 60s;
constexpr auto kWellBeforeTimeout = 20s;

TEST(ReadinessWait, WakeEndsAWaitInProgress) {
    auto wait = ReadinessWait::create();
    ASSERT_TRUE(wait) << wait.error().message;
    std::promise<void> started;
    auto waiter = std::async(std::launch::async, [&] {
        started.set_value();
        const auto begin = Clock::now();
        wait->wait({}, kLongWait);
        return Clock::now() - begin;
    });
    started.get_future().wait();
    std::this_thread::sleep_for(100ms);  // let the waiter block
    wait->wake();
    ASSERT_EQ(waiter.wait_for(kWellBeforeTimeout), std::future_status::ready)
        << "wake() did not end the wait";
    EXPECT_LT(waiter.get(), kWellBeforeTimeout);
}

TEST(ReadinessWait, AWakeBeforeTheWaitIsKeptForIt) {
    auto wait = ReadinessWait::create();
    ASSERT_TRUE(wait) << wait.error().message;
    wait->wake();
    const auto begin = Clock::now();
    wait->wait({}, kLongWait);
    EXPECT_LT(Clock::now() - begin, kWellBeforeTimeout);
}

TEST(ReadinessWait, WithoutAWakeItWaitsForTheTimeout) {
    auto wait = ReadinessWait::create();
    ASSERT_TRUE(wait) << wait.error().message;
    wait->wake();
    wait->wait({}, kLongWait);  // takes the wake: the next wait has none
    const auto begin = Clock::now();
    wait->wait({}, 300ms);
    EXPECT_GE(Clock::now() - begin, 250ms);  // timers may fire a little early, never this early
}

}  // namespace
}  // namespace netmon::capture
