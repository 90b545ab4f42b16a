// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

namespace netmon::windows_platform {

// Whether this process runs with an elevated token (administrator, past UAC).
Result<bool> processIsElevated();

}  // namespace netmon::windows_platform
