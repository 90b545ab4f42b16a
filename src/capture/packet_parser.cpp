// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/packet_parser.h"

#include <algorithm>

#include "capture/ipv4_header.h"
#include "capture/ipv6_header.h"
#include "capture/transport_header.h"

namespace netmon::capture {

PacketParser::PacketParser(LinkType linkType, std::size_t fragmentCapacity)
    : m_linkType(linkType), m_fragments(fragmentCapacity) {}

ParsedPacket PacketParser::parse(Bytes captured, std::uint32_t wireLength) {
    if (captured.size() > wireLength) {
        captured = captured.first(wireLength);  // nothing exists past the wire length
    }
    ParsedPacket parsed;
    const LinkLayer link = parseLinkLayer(captured, m_linkType);
    const std::int64_t counted = static_cast<std::int64_t>(wireLength) + link.wireAdjustment;
    parsed.wireLength = static_cast<std::uint32_t>(std::max<std::int64_t>(counted, 0));
    parsed.direction = link.direction;
    parsed.status = link.status;
    if (link.status != ParseStatus::Ok) {
        return parsed;
    }
    parseNetwork(captured.subspan(link.headerLength), wireLength - link.headerLength, link.network,
                 parsed);
    return parsed;
}

void PacketParser::parseNetwork(Bytes packet, std::size_t wireLength, NetworkProtocol network,
                                ParsedPacket& parsed) {
    const NetworkHeader header = network == NetworkProtocol::Ipv4 ? parseIpv4(packet, wireLength)
                                                                  : parseIpv6(packet, wireLength);
    parsed.status = header.status;
    if (header.status != ParseStatus::Ok) {
        return;
    }
    parsed.source = header.source;
    parsed.destination = header.destination;
    parsed.protocol = protocolFromNumber(header.transportProtocol);
    parsed.fragment = header.fragment;
    parseTransportOf(header, packet, parsed);
}

void PacketParser::parseTransportOf(const NetworkHeader& header, Bytes packet,
                                    ParsedPacket& parsed) {
    const auto key = [&header] {
        return FragmentKey{header.source, header.destination, header.fragmentId,
                           header.fragmentProtocol};
    };
    if (header.fragment == FragmentKind::Later) {
        // No transport header here: the first fragment's ports (and, for IPv6, the protocol
        // found behind any further extension headers), or ports 0 when it was not seen.
        if (const auto known = m_fragments.find(key())) {
            parsed.protocol = known->protocol;
            parsed.sourcePort = known->sourcePort;
            parsed.destinationPort = known->destinationPort;
        }
        return;
    }
    const Bytes segment =
        header.transportOffset <= packet.size() ? packet.subspan(header.transportOffset) : Bytes{};
    const TransportHeader transport = parseTransport(
        parsed.protocol, segment, header.transportLength, header.fragment == FragmentKind::None);
    parsed.status = transport.status;
    if (transport.status != ParseStatus::Ok) {
        return;
    }
    parsed.sourcePort = transport.sourcePort;
    parsed.destinationPort = transport.destinationPort;
    if (header.fragment == FragmentKind::First) {
        m_fragments.remember(key(),
                             {parsed.protocol, transport.sourcePort, transport.destinationPort});
    }
}

}  // namespace netmon::capture
