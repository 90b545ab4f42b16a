// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/history_types.h"
#include "storage/sqlite_connection.h"

namespace netmon::storage {

// Rows whose key is before these (unix ms) are deleted. A bucket goes only once it lies wholly
// before the cutoff, so "keep 90 days" never cuts into the oldest day still inside the window.
struct RetentionCutoffs {
    std::int64_t raw = 0;
    std::int64_t minute = 0;
    std::int64_t hour = 0;
    std::int64_t day = 0;
};

RetentionCutoffs retentionCutoffs(const RetentionPolicy& policy, TimePoint now);

// Deletes what the policy no longer keeps, in one transaction, and the per-host and
// per-process keys that no kept row uses.
Result<void> applyRetention(Connection& connection, const RetentionPolicy& policy, TimePoint now);

}  // namespace netmon::storage
