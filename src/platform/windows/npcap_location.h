// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace netmon::windows_platform {

// Where Npcap installs its libpcap DLLs: %SystemRoot%\System32\Npcap (wpcap.dll, with
// Packet.dll beside it). netmon loads Npcap from there by full path only — never a bare
// "wpcap.dll", which Wine (its own wpcap) and old WinPcap installs answer with something else.
std::filesystem::path npcapDirectory();

// Both DLLs are there.
bool npcapInstalled(const std::filesystem::path& directory);

inline constexpr const char* kNpcapDownloadHint =
    "install Npcap from https://npcap.com/#download (netmon does not bundle it: its licence "
    "wants its own installer), then run netmon as administrator";

}  // namespace netmon::windows_platform
