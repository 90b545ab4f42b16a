// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "platform/permissions.h"

namespace netmon::windows_platform {

// What probePermissions() found out about this machine.
struct WindowsFacts {
    std::optional<bool> elevated;  // nothing when the token could not be read
    std::string elevationError;
    bool npcapInstalled = false;
    std::string npcapDirectory;  // UTF-8
    std::optional<std::string> wine;
};

// The report `netmon doctor` and mode selection read: deep mode (Npcap) needs an elevated
// token and Npcap; eBPF never exists here. Per-connection TCP bytes in basic mode need the same
// elevation (informational: basic mode runs either way).
PermissionReport permissionReport(const WindowsFacts& facts);

}  // namespace netmon::windows_platform
