// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include "capture/byte_reader.h"
#include "capture/network_header.h"

namespace netmon::capture {

// An IPv4 header with options (IHL). `packet` is the captured bytes from the IPv4 header on;
// `wireLength` the bytes from there on the wire, which may be more (snaplen).
// A total length of 0 is taken as a segmentation-offload packet (TSO/GSO, BIG TCP) whose
// length is the frame's, as tcpdump does.
NetworkHeader parseIpv4(Bytes packet, std::size_t wireLength);

}  // namespace netmon::capture
