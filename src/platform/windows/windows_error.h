// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace netmon::windows_platform {

// "Access is denied. (error 5)": Windows' own words for a Win32 error code, in UTF-8.
std::string describeWindowsError(std::uint32_t code);
// The same for GetLastError() now.
std::string lastWindowsError();

}  // namespace netmon::windows_platform
