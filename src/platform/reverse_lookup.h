// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "core/model/ip_address.h"
#include "core/result.h"

namespace netmon {

// One blocking reverse-DNS query (PTR), as the OS resolver answers it. Defined by the platform
// library. Never called on the sampling or GUI thread: HostNameResolver runs it in its workers.
Result<std::string> reverseLookup(const IpAddress& address);

}  // namespace netmon
