// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/history_access.h"

#include "cli/context.h"
#include "protocol/service_client.h"
#include "storage/history_reader.h"

namespace netmon::cli {

Result<std::unique_ptr<HistoryAccess>> openHistory(const Context& context,
                                                   const std::string& database) {
    if (database.empty()) {
        if (protocol::ServiceClient* service = context.service()) {
            return protocol::serviceHistory(*service);
        }
    }
    auto reader = storage::HistoryReader::open(context.databasePath(database));
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    return protocol::localHistory(std::move(*reader));
}

}  // namespace netmon::cli
