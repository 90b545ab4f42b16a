// SPDX-License-Identifier: GPL-3.0-or-later
// Windows has no packet socket to attach a program to. Npcap's handles get their direction
// from a driver-side filter on the frame's source MAC instead, installed where the engine asks
// libpcap for a direction (the setdirection entry of npcap_api_windows.cpp's PcapApi), which
// knows the adapter; that filter also cuts frames to the snapshot length in the driver.
#include "capture/pcap/kernel_direction_filter.h"

namespace netmon::capture {

bool attachKernelDirectionFilter(int /*packetSocket*/, TrafficDirection /*direction*/,
                                 std::uint32_t /*snapLength*/) {
    return false;
}

}  // namespace netmon::capture
