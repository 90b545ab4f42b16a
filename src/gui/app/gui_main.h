// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace netmon::gui {

// The whole of netmon-gui's main(): Qt set-up, options, the app controller, the event loop.
int runGuiApp(int argc, char** argv);

}  // namespace netmon::gui
