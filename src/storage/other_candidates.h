// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace netmon::storage {

// Bytes in and out of one host or process in one bucket (an hour or a day).
struct BreakdownBytes {
    std::int64_t in = 0;
    std::int64_t out = 0;

    [[nodiscard]] std::int64_t total() const { return in + out; }
    BreakdownBytes& operator+=(const BreakdownBytes& other) {
        in += other.in;
        out += other.out;
        return *this;
    }
    friend bool operator==(const BreakdownBytes&, const BreakdownBytes&) = default;
};

// The keys of one bucket whose bytes went into its "other" row, so that one that keeps coming
// back adds up and can earn a row of its own (its bytes then move out of "other" into it).
// A space-saving table (Metwally et al.): at most `capacity` keys; a new key when full takes
// the place of the one with the smallest estimate and inherits that estimate as its error.
// So every key with more than 1/capacity of the bytes that went into "other" is kept, and
// memory stays bounded however many keys a flood brings. `exact` is only what went into
// "other" while the key was tracked: never more than "other" holds for it, so moving it out
// keeps the bucket's total exact.
class OtherCandidates {
public:
    explicit OtherCandidates(std::size_t capacity);

    // Bytes of `name` known to be in "other" (zero when not tracked).
    [[nodiscard]] BreakdownBytes inOther(const std::string& name) const;
    // `bytes` more of `name` went into "other".
    void add(const std::string& name, const BreakdownBytes& bytes);
    // `name`'s bytes left "other" (it got a row of its own).
    void forget(const std::string& name);

    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

private:
    struct Entry {
        BreakdownBytes exact;
        std::int64_t estimate = 0;  // exact total plus the inherited error: orders eviction
    };
    using Order = std::set<std::pair<std::int64_t, std::string_view>>;  // views of map keys

    std::size_t m_capacity;
    std::unordered_map<std::string, Entry> m_entries;
    Order m_byEstimate;
};

}  // namespace netmon::storage
