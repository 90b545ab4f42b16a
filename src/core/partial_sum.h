// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

namespace netmon {

// A sum over flows of which some may have no count (UDP in basic mode; TCP on Windows without
// admin rights). An unknown count is never added as 0: the sum keeps what the counted flows add
// up to and whether any flow had none, so a total says if it is exact, a lower bound or unknown.
class PartialSum {
public:
    void add(const std::optional<std::uint64_t>& count) {
        if (count) {
            m_sum += *count;
            m_counted = true;
        } else {
            m_uncounted = true;
        }
    }
    void add(const PartialSum& other) {
        m_sum += other.m_sum;
        m_counted = m_counted || other.m_counted;
        m_uncounted = m_uncounted || other.m_uncounted;
    }

    // Empty when flows were added and none had a count; else the counted flows' sum (0 when
    // nothing was added: no flow, no bytes).
    [[nodiscard]] std::optional<std::uint64_t> value() const {
        return m_counted || !m_uncounted ? std::optional(m_sum) : std::nullopt;
    }
    // False when some flow had no count: value() is then a lower bound, or empty.
    [[nodiscard]] bool complete() const { return !m_uncounted; }
    // The counted flows' sum alone (0 when none was counted).
    [[nodiscard]] std::uint64_t counted() const { return m_sum; }

private:
    std::uint64_t m_sum = 0;
    bool m_counted = false;
    bool m_uncounted = false;
};

}  // namespace netmon
