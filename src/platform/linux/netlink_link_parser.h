// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "core/model/interface_stat.h"
#include "core/result.h"
#include "platform/linux/netlink_view.h"

namespace netmon::linux_platform {

// Turns the messages of an RTM_GETLINK dump into interface records: name, index, MAC,
// operstate, kind (see classifyInterface) and the IFLA_STATS64 counters (IFLA_STATS, 32-bit,
// on kernels without them). Messages of other types are skipped. Any length that does not fit
// is an Error: no partial list, and no byte read past `bytes`. Addresses, link speed and Wi-Fi
// are not in these messages; the caller adds them.
Result<std::vector<InterfaceStat>> parseLinkMessages(ByteSpan bytes);

}  // namespace netmon::linux_platform
