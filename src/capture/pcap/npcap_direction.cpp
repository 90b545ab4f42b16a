// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/npcap_direction.h"

#include <algorithm>

namespace netmon::capture {
namespace {

constexpr std::size_t kSourceOffset = 6;  // destination MAC, then source MAC

}  // namespace

TrafficDirection frameDirection(std::span<const std::uint8_t> frame, const MacAddress& adapter) {
    if (frame.size() < kSourceOffset + adapter.size()) {
        return TrafficDirection::In;
    }
    return std::equal(adapter.begin(), adapter.end(), frame.begin() + kSourceOffset)
               ? TrafficDirection::Out
               : TrafficDirection::In;
}

std::string directionFilter(TrafficDirection direction, const MacAddress& adapter) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string mac;
    for (std::size_t i = 0; i < adapter.size(); ++i) {
        mac += i == 0 ? "" : ":";
        mac += kHex[adapter[i] >> 4U];
        mac += kHex[adapter[i] & 0x0FU];
    }
    return (direction == TrafficDirection::Out ? "ether src " : "not ether src ") + mac;
}

}  // namespace netmon::capture
