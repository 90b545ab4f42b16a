// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <mutex>

#include "core/clock.h"

namespace netmon::test {

// A Clock that moves only when a test says so. Thread-safe, since the code under test may read
// it from its own threads (the history writer does).
class FakeClock final : public Clock {
public:
    using SteadyTime = std::chrono::steady_clock::time_point;
    using WallTime = std::chrono::system_clock::time_point;

    explicit FakeClock(WallTime wall = WallTime(std::chrono::hours(24 * 365 * 56)),
                       SteadyTime steady = SteadyTime(std::chrono::hours(1)))
        : m_steady(steady), m_wall(wall) {}

    [[nodiscard]] SteadyTime steadyNow() const override {
        std::lock_guard lock(m_mutex);
        return m_steady;
    }
    [[nodiscard]] WallTime wallNow() const override {
        std::lock_guard lock(m_mutex);
        return m_wall;
    }

    void setSteady(SteadyTime time) {
        std::lock_guard lock(m_mutex);
        m_steady = time;
    }
    void setWall(WallTime time) {
        std::lock_guard lock(m_mutex);
        m_wall = time;
    }
    // Time passing: both clocks move together.
    void advance(std::chrono::nanoseconds step) {
        std::lock_guard lock(m_mutex);
        m_steady += step;
        m_wall += std::chrono::duration_cast<WallTime::duration>(step);
    }
    // The wall clock jumping (NTP, the user): the steady clock does not move.
    void jumpWall(std::chrono::nanoseconds step) {
        std::lock_guard lock(m_mutex);
        m_wall += std::chrono::duration_cast<WallTime::duration>(step);
    }

private:
    mutable std::mutex m_mutex;
    SteadyTime m_steady;
    WallTime m_wall;
};

}  // namespace netmon::test
