// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/breakdown_fold.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace netmon::storage {
namespace {

// The rows by size, smallest first (ties by name, so the outcome does not depend on hashing).
class RowOrder {
public:
    explicit RowOrder(const BucketRows& bucket) {
        for (const auto& [name, bytes] : bucket.named) {
            m_order.emplace(bytes.total(), name);
        }
    }
    [[nodiscard]] std::size_t size() const { return m_order.size(); }
    [[nodiscard]] std::int64_t smallestTotal() const { return m_order.begin()->first; }
    [[nodiscard]] std::string smallest() const { return m_order.begin()->second; }
    void add(std::int64_t total, const std::string& name) { m_order.emplace(total, name); }
    void remove(std::int64_t total, const std::string& name) { m_order.erase({total, name}); }

private:
    std::set<std::pair<std::int64_t, std::string>> m_order;
};

// The row of `name` goes into "other"; its bytes are remembered there as its own.
void demote(BucketRows& bucket, RowOrder& order, const std::string& name,
            OtherCandidates& candidates) {
    const auto found = bucket.named.find(name);
    const BreakdownBytes bytes = found->second;
    order.remove(bytes.total(), name);
    bucket.named.erase(found);
    bucket.other += bytes;
    candidates.add(name, bytes);
}

// What "other" holds for `name` (never more than it holds at all), moved out of it.
BreakdownBytes takeFromOther(BucketRows& bucket, const std::string& name,
                             OtherCandidates& candidates) {
    BreakdownBytes claimed = candidates.inOther(name);
    claimed.in = std::clamp<std::int64_t>(claimed.in, 0, bucket.other.in);
    claimed.out = std::clamp<std::int64_t>(claimed.out, 0, bucket.other.out);
    bucket.other.in -= claimed.in;
    bucket.other.out -= claimed.out;
    candidates.forget(name);
    return claimed;
}

}  // namespace

void foldIntoBucket(BucketRows& bucket, BatchBytes batch, std::size_t limit,
                    OtherCandidates& candidates) {
    limit = std::max<std::size_t>(limit, 1);
    RowOrder order(bucket);
    while (order.size() > limit) {
        demote(bucket, order, order.smallest(), candidates);
    }

    struct Newcomer {
        std::string name;
        BreakdownBytes batch;
        std::int64_t known = 0;  // this batch plus what "other" holds for it
    };
    std::vector<Newcomer> newcomers;
    for (auto& [name, bytes] : batch) {
        if (auto found = bucket.named.find(name); found != bucket.named.end()) {
            order.remove(found->second.total(), name);
            found->second += bytes;
            order.add(found->second.total(), name);
            continue;
        }
        const std::int64_t known = bytes.total() + candidates.inOther(name).total();
        newcomers.push_back({std::move(name), bytes, known});
    }
    // The largest first, so that within one batch the top keys are exact.
    std::sort(newcomers.begin(), newcomers.end(), [](const Newcomer& a, const Newcomer& b) {
        return a.known != b.known ? a.known > b.known : a.name < b.name;
    });
    for (Newcomer& newcomer : newcomers) {
        const bool room = order.size() < limit;
        if (!room && newcomer.known <= order.smallestTotal()) {
            bucket.other += newcomer.batch;
            candidates.add(newcomer.name, newcomer.batch);
            continue;
        }
        if (!room) {
            demote(bucket, order, order.smallest(), candidates);
        }
        BreakdownBytes row = takeFromOther(bucket, newcomer.name, candidates);
        row += newcomer.batch;
        order.add(row.total(), newcomer.name);
        bucket.named.emplace(std::move(newcomer.name), row);
    }
}

std::vector<BreakdownSample> keepLargest(std::vector<BreakdownSample> samples, std::size_t keep) {
    std::map<std::pair<Breakdown, TimePoint>, std::vector<BreakdownSample*>> ticks;
    for (BreakdownSample& sample : samples) {
        ticks[{sample.dimension, sample.time}].push_back(&sample);
    }
    if (std::all_of(ticks.begin(), ticks.end(),
                    [keep](const auto& tick) { return tick.second.size() <= keep; })) {
        return samples;  // the usual case: nothing to fold
    }
    std::vector<BreakdownSample> kept;
    for (auto& [tick, members] : ticks) {
        const auto bytes = [](const BreakdownSample* sample) {
            return sample->other ? 0 : sample->bytesIn + sample->bytesOut;  // "other" last
        };
        const auto cut =
            members.begin() + static_cast<std::ptrdiff_t>(std::min(keep, members.size()));
        std::nth_element(members.begin(), cut == members.begin() ? cut : cut - 1, members.end(),
                         [&](const BreakdownSample* a, const BreakdownSample* b) {
                             return bytes(a) > bytes(b);
                         });
        BreakdownSample other{tick.first, {}, tick.second, 0, 0, true};
        for (auto it = members.begin(); it != members.end(); ++it) {
            if (it < cut && !(*it)->other) {
                kept.push_back(std::move(**it));
            } else {
                other.bytesIn += (*it)->bytesIn;
                other.bytesOut += (*it)->bytesOut;
            }
        }
        if (other.bytesIn + other.bytesOut > 0) {
            kept.push_back(std::move(other));
        }
    }
    return kept;
}

}  // namespace netmon::storage
