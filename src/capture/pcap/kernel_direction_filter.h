// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "capture/flow_table.h"

namespace netmon::capture {

// Attaches a classic BPF program to a packet socket (a pcap handle's fd) that keeps only the
// frames of one direction — by the kernel's packet type, PACKET_OUTGOING or not — and cuts them
// to `snapLength` in the kernel, so the other direction never reaches this handle's ring.
//
// Linux only, and set directly with SO_ATTACH_FILTER rather than through pcap_setfilter():
// libpcap re-runs a new filter in user space over the ring blocks that were in use when it was
// set, and its user-space BPF cannot read the packet type, so pcap_setfilter("inbound") drops
// every frame of the first ring block (measured: the first ~100 ms of traffic).
// False when the kernel refused (the handle still works; libpcap then filters direction).
bool attachKernelDirectionFilter(int packetSocket, TrafficDirection direction,
                                 std::uint32_t snapLength);

}  // namespace netmon::capture
