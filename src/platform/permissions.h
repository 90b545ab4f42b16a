// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/permission_report.h"

namespace netmon {

// What this machine allows deep mode. Only reads; changes nothing.
PermissionReport probePermissions();

}  // namespace netmon
