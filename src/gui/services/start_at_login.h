// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"

namespace netmon::gui {

// "Start at login": an XDG autostart entry of the app's (~/.config/autostart/netmon-gui.desktop)
// that starts it in the tray. Windows: the installer registers sign-in start, so there is none.

// Where this OS keeps the entry; none where the app does not manage sign-in start itself.
// Defined per OS (start_at_login_linux.cpp, start_at_login_windows.cpp).
std::optional<std::filesystem::path> autostartEntryPath();

// The entry's text: starts `program` with --tray. Refuses a path a desktop entry cannot hold.
Result<std::string> autostartEntry(const std::filesystem::path& program);

// Whether `entry` holds an autostart entry of ours (a regular file, not a link, with our mark).
bool startsAtLogin(const std::filesystem::path& entry);
// Writes our entry atomically, or removes it. Anything at `entry` that is not our regular file
// (a link, a folder, someone else's entry) is refused and left alone.
Result<void> setStartAtLogin(const std::filesystem::path& entry,
                             const std::filesystem::path& program, bool enabled);

}  // namespace netmon::gui
