// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include "capture/byte_reader.h"
#include "capture/network_header.h"

namespace netmon::capture {

// At most this many extension headers before the transport header; a longer chain is
// Malformed (real stacks send one or two; a long chain is an attack or garbage).
inline constexpr int kMaxExtensionHeaders = 8;

// An IPv6 header and its extension headers (hop-by-hop, routing, fragment, destination
// options, AH). `packet` is the captured bytes from the IPv6 header on; `wireLength` the bytes
// from there on the wire. A payload length of 0 (jumbogram, BIG TCP) is taken as the frame's.
// ESP and "no next header" end the chain: the transport is unknown (protocol 50 / 59).
NetworkHeader parseIpv6(Bytes packet, std::size_t wireLength);

}  // namespace netmon::capture
