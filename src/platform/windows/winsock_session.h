// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

namespace netmon::windows_platform {

// Starts Winsock 2.2 once for the process (thread-safe; later calls return the first result).
// It stays up until the process ends, as name look-ups may run until then.
Result<void> ensureWinsock();

}  // namespace netmon::windows_platform
