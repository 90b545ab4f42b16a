// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/npcap_location.h"

#include <windows.h>

#include <array>
#include <system_error>

namespace netmon::windows_platform {

std::filesystem::path npcapDirectory() {
    std::array<wchar_t, MAX_PATH + 1> system{};
    const UINT length = ::GetSystemDirectoryW(system.data(), static_cast<UINT>(system.size()));
    const std::filesystem::path base = length > 0 && length < system.size()
                                           ? std::filesystem::path(system.data())
                                           : std::filesystem::path(L"C:\\Windows\\System32");
    return base / L"Npcap";
}

bool npcapInstalled(const std::filesystem::path& directory) {
    std::error_code error;
    return std::filesystem::is_regular_file(directory / L"wpcap.dll", error) &&
           std::filesystem::is_regular_file(directory / L"Packet.dll", error);
}

}  // namespace netmon::windows_platform
