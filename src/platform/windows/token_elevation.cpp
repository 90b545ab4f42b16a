// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/token_elevation.h"

#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::windows_platform {

Result<bool> processIsElevated() {
    HANDLE raw = nullptr;
    if (::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &raw) == 0) {
        return fail("cannot open this process's token: " + lastWindowsError());
    }
    const UniqueHandle token(raw);
    TOKEN_ELEVATION elevation{};
    DWORD size = 0;
    if (::GetTokenInformation(token.get(), TokenElevation, &elevation, sizeof elevation, &size) ==
        0) {
        return fail("cannot read this process's token elevation: " + lastWindowsError());
    }
    return elevation.TokenIsElevated != 0;
}

}  // namespace netmon::windows_platform
