// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace netmon {

// Time as the monitor and storage see it; tests inject a fake to make late ticks, clock jumps
// and day boundaries happen on demand.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::chrono::steady_clock::time_point steadyNow() const = 0;
    [[nodiscard]] virtual std::chrono::system_clock::time_point wallNow() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::chrono::steady_clock::time_point steadyNow() const override {
        return std::chrono::steady_clock::now();
    }
    [[nodiscard]] std::chrono::system_clock::time_point wallNow() const override {
        return std::chrono::system_clock::now();
    }
    static SystemClock& instance() {
        static SystemClock clock;
        return clock;
    }
};

}  // namespace netmon
