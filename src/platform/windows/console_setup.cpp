// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into every executable that links the platform library (CMake adds it as an
// INTERFACE source for executables only), so that the program's UTF-8 text shows right on a
// Windows console without each main() having to ask: the console's output code page becomes
// UTF-8, and escape sequences (the live view's redraw) are interpreted. Pipes and files are left
// alone: they get the program's UTF-8 bytes as they are.
#include <windows.h>

namespace netmon::windows_platform {
namespace {

void enableEscapeSequences(DWORD stream) {
    const HANDLE handle = ::GetStdHandle(stream);
    DWORD mode = 0;
    if (handle != nullptr && handle != INVALID_HANDLE_VALUE &&
        ::GetConsoleMode(handle, &mode) != 0) {
        ::SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
    }
}

struct ConsoleSetup {
    ConsoleSetup() {
        ::SetConsoleOutputCP(CP_UTF8);
        enableEscapeSequences(STD_OUTPUT_HANDLE);
        enableEscapeSequences(STD_ERROR_HANDLE);
    }
};

const ConsoleSetup g_consoleSetup;

}  // namespace
}  // namespace netmon::windows_platform
