// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#include "capture/byte_reader.h"
#include "capture/fragment_tracker.h"
#include "capture/link_layer.h"
#include "capture/network_header.h"
#include "capture/parse_status.h"
#include "core/model/flow_key.h"
#include "core/model/ip_address.h"

namespace netmon::capture {

// One frame as the flow table needs it. Addresses and ports are as sent (source → destination);
// the capture's direction orients them into local/remote.
struct ParsedPacket {
    ParseStatus status = ParseStatus::Ok;
    Protocol protocol = Protocol::Other;
    IpAddress source;
    IpAddress destination;
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    // The bytes the interface's counters count for this frame (link header included, no FCS):
    // the capture's length, corrected for cooked headers. Set whatever the status.
    std::uint32_t wireLength = 0;
    PacketDirection direction = PacketDirection::Unknown;  // from SLL/SLL2 headers only
    FragmentKind fragment = FragmentKind::None;
};

// Frame bytes + link type → ParsedPacket. Reads only within the captured bytes, which may be
// fewer than the wire length (snaplen). Keeps a bounded memory of first fragments' ports, so
// one parser serves one stream of frames (one capture thread); it is not thread-safe.
class PacketParser {
public:
    explicit PacketParser(LinkType linkType, std::size_t fragmentCapacity = 1024);

    // `captured`: the bytes the capture holds; `wireLength`: the frame's length on the wire
    // (pcap's len), at least captured.size() — bytes beyond it are ignored.
    ParsedPacket parse(Bytes captured, std::uint32_t wireLength);

    [[nodiscard]] LinkType linkType() const { return m_linkType; }

private:
    void parseNetwork(Bytes packet, std::size_t wireLength, NetworkProtocol network,
                      ParsedPacket& parsed);
    void parseTransportOf(const NetworkHeader& header, Bytes packet, ParsedPacket& parsed);

    LinkType m_linkType;
    FragmentTracker m_fragments;
};

}  // namespace netmon::capture
