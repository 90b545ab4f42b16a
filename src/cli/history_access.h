// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "protocol/history_access.h"

namespace netmon::cli {

class Context;

using HistoryAccess = protocol::HistoryAccess;

// Where `history` and `usage` read: the service's database through the service (when it
// answers and no --db was given), else a database file of the user's.
// `database`: --db, empty when not given.
Result<std::unique_ptr<HistoryAccess>> openHistory(const Context& context,
                                                   const std::string& database);

}  // namespace netmon::cli
