// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace netmon::windows_platform {

// Wine's version ("8.0") when this process runs under Wine, else nothing: Wine's ntdll exports
// wine_get_version, Windows' does not. Some IP Helper calls are stubs there that end the
// process (with exit status 0) when called, so callers keep away from them under Wine.
std::optional<std::string> wineVersion();

}  // namespace netmon::windows_platform
