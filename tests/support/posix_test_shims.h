// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Force-included (-include) into the Windows builds of the unit tests (tests/CMakeLists.txt):
// tests/fakes/scoped_time_zone.h calls POSIX functions MinGW lacks. These are the MSVCRT
// equivalents; no production code sees them.
#include <stdlib.h>

inline int setenv(const char* name, const char* value, int /*overwrite*/) {
    return _putenv_s(name, value);
}

inline int unsetenv(const char* name) {
    return _putenv_s(name, "");
}
