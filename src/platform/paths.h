// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace netmon {

// Where this OS keeps a user's settings and data. Defined by the platform library:
// Linux follows XDG ($XDG_CONFIG_HOME/netmon, $XDG_DATA_HOME/netmon);
// Windows uses %APPDATA%\NetworkMonitor and %LOCALAPPDATA%\NetworkMonitor.
std::filesystem::path defaultConfigPath();
std::filesystem::path defaultDatabasePath();

// The service's (netmond's) own files, one set per machine. Linux: /etc/netmon/netmond.json,
// /var/lib/netmon/history.db, /run/netmon/netmond.sock (or systemd's CONFIGURATION_DIRECTORY,
// STATE_DIRECTORY, RUNTIME_DIRECTORY when it sets them). Windows: %ProgramData%\NetworkMonitor
// and the pipe \\.\pipe\netmond.
std::filesystem::path serviceConfigPath();
std::filesystem::path serviceDatabasePath();
std::filesystem::path serviceSocketPath();

}  // namespace netmon
