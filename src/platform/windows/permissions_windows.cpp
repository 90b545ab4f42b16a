// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/permissions.h"
#include "platform/windows/npcap_location.h"
#include "platform/windows/permission_checks.h"
#include "platform/windows/token_elevation.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/wine_detection.h"

namespace netmon {

PermissionReport probePermissions() {
    windows_platform::WindowsFacts facts;
    if (auto elevated = windows_platform::processIsElevated()) {
        facts.elevated = *elevated;
    } else {
        facts.elevationError = elevated.error().message;
    }
    const std::filesystem::path npcap = windows_platform::npcapDirectory();
    facts.npcapDirectory = windows_platform::toUtf8(npcap.native());
    facts.npcapInstalled = windows_platform::npcapInstalled(npcap);
    facts.wine = windows_platform::wineVersion();
    return windows_platform::permissionReport(facts);
}

}  // namespace netmon
