// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/wine_detection.h"

#include "platform/windows/windows_handles.h"

namespace netmon::windows_platform {

std::optional<std::string> wineVersion() {
    // ntdll is in every process; GetModuleHandleW takes no reference, so nothing to free.
    const HMODULE ntdll = ::GetModuleHandleW(L"ntdll.dll");
    if (ntdll == nullptr) {
        return std::nullopt;
    }
    using WineGetVersion = const char* (*)();
    const auto getVersion = procAddress<WineGetVersion>(ntdll, "wine_get_version");
    if (getVersion == nullptr) {
        return std::nullopt;
    }
    const char* version = getVersion();
    return std::string(version != nullptr ? version : "unknown version");
}

}  // namespace netmon::windows_platform
