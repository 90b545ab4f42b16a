// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/history_types.h"
#include "storage/other_candidates.h"

namespace netmon::storage {

// One bucket (an hour or a day) of one dimension as stored: the keys with a row of their own,
// and the "other" row that sums the rest.
struct BucketRows {
    std::unordered_map<std::string, BreakdownBytes> named;
    BreakdownBytes other;
};

using BatchBytes = std::vector<std::pair<std::string, BreakdownBytes>>;  // one entry per key

// Keys remembered in "other" per row kept (OtherCandidates), and kept by name per tick.
inline constexpr std::size_t kTrackedPerRow = 4;

// At most `keep` samples by name per dimension and time (one tick): the largest by bytes; the
// rest are summed into one sample marked `other`. A flood of new sources so queues and writes
// a bounded number of samples a tick, with the same totals.
std::vector<BreakdownSample> keepLargest(std::vector<BreakdownSample> samples, std::size_t keep);

// Adds a batch's bytes per key to `bucket` so that at most `limit` keys keep a row:
// - a key with a row adds to it;
// - a new key gets a row while there is room, else when what is known of it (this batch plus
//   what `candidates` saw go into "other") beats the smallest row, which then goes into
//   "other" (and into `candidates`); else its bytes go into "other" (and into `candidates`);
// - a lowered limit sends the smallest rows into "other" first.
// Guarantees: the bucket's total (rows + "other") grows by exactly the batch's total, per
// direction; a row holds only its key's own bytes; with up to `limit` keys in a bucket every
// key has its own exact row. Beyond that the rows are the largest keys as far as known: the
// sum of a batch and, for keys that went into "other", what `candidates` remembers of them.
void foldIntoBucket(BucketRows& bucket, BatchBytes batch, std::size_t limit,
                    OtherCandidates& candidates);

}  // namespace netmon::storage
