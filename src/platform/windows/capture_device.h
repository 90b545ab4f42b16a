// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace netmon::windows_platform {

// The Npcap device behind an interface as netmon names it (its alias, e.g. "Ethernet"):
// "\Device\NPF_{interface GUID}", with the adapter's MAC where it has one — Npcap cannot filter
// by direction, so the capture engine tells sent from received frames by their source MAC.
struct CaptureDevice {
    std::string npcapName;
    std::optional<std::array<std::uint8_t, 6>> mac;
};

// Accepts an alias, or an Npcap device name ("\Device\NPF_…", passed through, MAC looked up).
Result<CaptureDevice> captureDeviceFor(const std::string& interfaceName);

}  // namespace netmon::windows_platform
