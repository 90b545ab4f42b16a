// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace netmon {

// How far a cumulative OS counter moved between two readings.
struct CounterStep {
    std::uint64_t delta = 0;
    bool wrapped = false;  // a 32-bit counter passed 2^32 and started again
    bool reset = false;    // the counter went backwards: the interface was reset or re-created
};

// `bits` is the counter's width as the OS gives it (32 or 64). A 64-bit counter that goes
// backwards was reset: what it holds now was counted since the reset, inside this interval, so
// that is the delta (never a negative or a near-2^64 value). A 32-bit counter that goes
// backwards by less than half its range wrapped; by more, it was reset.
CounterStep counterStep(std::uint64_t previous, std::uint64_t current, unsigned bits);

}  // namespace netmon
