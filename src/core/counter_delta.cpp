// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/counter_delta.h"

namespace netmon {

CounterStep counterStep(std::uint64_t previous, std::uint64_t current, unsigned bits) {
    if (bits < 64) {
        const std::uint64_t range = std::uint64_t{1} << bits;
        previous &= range - 1;
        current &= range - 1;
        if (current >= previous) {
            return {current - previous, false, false};
        }
        const std::uint64_t wrappedDelta = range - previous + current;
        if (wrappedDelta < range / 2) {
            return {wrappedDelta, true, false};
        }
        return {current, false, true};
    }
    if (current >= previous) {
        return {current - previous, false, false};
    }
    return {current, false, true};
}

}  // namespace netmon
