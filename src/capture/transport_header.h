// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#include "capture/byte_reader.h"
#include "capture/parse_status.h"
#include "core/model/flow_key.h"

namespace netmon::capture {

// The flow protocol for an IP protocol number (TCP, UDP, ICMP, ICMPv6; Other for the rest).
Protocol protocolFromNumber(std::uint8_t number);

struct TransportHeader {
    ParseStatus status = ParseStatus::Ok;
    std::uint16_t sourcePort = 0;  // 0 for protocols without ports (ICMP, ICMPv6, Other)
    std::uint16_t destinationPort = 0;
};

// The start of a TCP, UDP, ICMP or ICMPv6 header. `segment` is the captured bytes from the
// transport header on; `wireLength` its length per the IP header; `wholeDatagram` is false for
// a first fragment (UDP's length field then covers more than this packet). Other protocols
// are Ok with ports 0.
TransportHeader parseTransport(Protocol protocol, Bytes segment, std::size_t wireLength,
                               bool wholeDatagram);

}  // namespace netmon::capture
