// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/history_types.h"

namespace netmon::cli {

class Context;

// Where `history` and `usage` read: the service's database through the service (when it
// answers and no --db was given), else a database file of the user's.
class HistoryAccess {
public:
    virtual ~HistoryAccess() = default;
    virtual Result<std::vector<storage::HistoryRow>> query(const storage::HistoryQuery& query) = 0;
    virtual Result<std::vector<storage::BreakdownRow>> breakdown(
        const storage::BreakdownQuery& query) = 0;
    virtual Result<std::vector<storage::UsageTotals>> usage(storage::TimePoint now) = 0;
    // "service" or "local", for the JSON's "source".
    [[nodiscard]] virtual const char* source() const = 0;
};

// `database`: --db, empty when not given.
Result<std::unique_ptr<HistoryAccess>> openHistory(const Context& context,
                                                   const std::string& database);

}  // namespace netmon::cli
