// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include "core/result.h"
#include "storage/history_types.h"

namespace netmon::storage {
class HistoryReader;
}

namespace netmon::protocol {

class ServiceClient;

// Where history is read: the service's database through the service, or a database file of
// the user's. `netmon history`/`usage` and the app's History screen and dashboard ask the same
// questions either way.
class HistoryAccess {
public:
    virtual ~HistoryAccess() = default;
    virtual Result<std::vector<storage::HistoryRow>> query(const storage::HistoryQuery& query) = 0;
    virtual Result<std::vector<storage::BreakdownRow>> breakdown(
        const storage::BreakdownQuery& query) = 0;
    // Today's and this month's totals. The service answers for its own "now" and calendar.
    virtual Result<std::vector<storage::UsageTotals>> usage(storage::TimePoint now) = 0;
    // "service" or "local", for the JSON's "source".
    [[nodiscard]] virtual const char* source() const = 0;
};

std::unique_ptr<HistoryAccess> localHistory(std::unique_ptr<storage::HistoryReader> reader);
// Asks `service`, which must outlive the result; limited clients get interface history only.
std::unique_ptr<HistoryAccess> serviceHistory(ServiceClient& service);

}  // namespace netmon::protocol
