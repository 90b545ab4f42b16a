// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Force-included (-include) into the Windows builds of the portable core and storage tests
// only: tests/fakes/temp_dir.h and scoped_time_zone.h call POSIX functions MinGW lacks. These
// are the MSVCRT equivalents; no production code sees them.
#include <direct.h>
#include <stdlib.h>
#include <string.h>

inline char* mkdtemp(char* pattern) {
    if (_mktemp_s(pattern, strlen(pattern) + 1) != 0 || _mkdir(pattern) != 0) {
        return nullptr;
    }
    return pattern;
}

inline int setenv(const char* name, const char* value, int /*overwrite*/) {
    return _putenv_s(name, value);
}

inline int unsetenv(const char* name) {
    return _putenv_s(name, "");
}
