// SPDX-License-Identifier: GPL-3.0-or-later
// netmon-gui: the desktop app. Everything is in the netmon_gui library (app/gui_main.cpp).
#include "gui/app/gui_main.h"

int main(int argc, char** argv) {
    return netmon::gui::runGuiApp(argc, argv);
}
