// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "capture/flow_table.h"

namespace netmon::capture {

using MacAddress = std::array<std::uint8_t, 6>;

// Npcap offers neither pcap_setdirection() nor Linux's packet type, so on Windows each of an
// interface's two handles keeps one direction by the frame's Ethernet source address: a frame
// the adapter sent carries the adapter's own MAC as its source; every other frame was received.
// Frames too short to hold a source address count as received, so each frame is counted on
// exactly one of the two handles.
TrafficDirection frameDirection(std::span<const std::uint8_t> frame, const MacAddress& adapter);

// The same rule as a capture filter for Npcap's driver, so the other direction never leaves
// the kernel: "ether src aa:bb:cc:dd:ee:ff" (sent) or "not ether src aa:bb:cc:dd:ee:ff".
std::string directionFilter(TrafficDirection direction, const MacAddress& adapter);

}  // namespace netmon::capture
