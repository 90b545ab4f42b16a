// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace netmon {

// Where this OS keeps a user's settings and data. Defined by the platform library:
// Linux follows XDG ($XDG_CONFIG_HOME/netmon, $XDG_DATA_HOME/netmon);
// Windows uses %APPDATA%\NetworkMonitor and %LOCALAPPDATA%\NetworkMonitor.
std::filesystem::path defaultConfigPath();
std::filesystem::path defaultDatabasePath();

}  // namespace netmon
