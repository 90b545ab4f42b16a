// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdlib>

#include "gui/services/start_at_login.h"

namespace netmon::gui {

// The XDG Base Directory rules: $XDG_CONFIG_HOME when it is an absolute path, else ~/.config.
std::optional<std::filesystem::path> autostartEntryPath() {
    std::filesystem::path config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME");
        xdg != nullptr && std::filesystem::path(xdg).is_absolute()) {
        config = xdg;
    } else if (const char* home = std::getenv("HOME");
               home != nullptr && std::filesystem::path(home).is_absolute()) {
        config = std::filesystem::path(home) / ".config";
    } else {
        return std::nullopt;
    }
    return config / "autostart" / "netmon-gui.desktop";
}

}  // namespace netmon::gui
