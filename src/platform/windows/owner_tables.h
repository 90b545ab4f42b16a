// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace netmon::windows_platform {

enum class OwnerTable { Tcp4, Tcp6, Udp4, Udp6 };

std::string_view toString(OwnerTable table);

// One owner table as GetExtendedTcpTable (TCP_TABLE_OWNER_PID_ALL) or GetExtendedUdpTable
// (UDP_TABLE_OWNER_PID) fill it, raw, for owner_table_parser. Retries while the table grows
// between the size query and the read.
Result<std::vector<std::byte>> readOwnerTable(OwnerTable table);

}  // namespace netmon::windows_platform
