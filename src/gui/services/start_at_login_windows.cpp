// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/start_at_login.h"

namespace netmon::gui {

// The installer registers the tray app's start at sign-in; the app leaves it to it.
std::optional<std::filesystem::path> autostartEntryPath() {
    return std::nullopt;
}

}  // namespace netmon::gui
