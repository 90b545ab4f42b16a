// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/kernel_records.h"

#include <array>

#include "capture/transport_header.h"
#include "core/utf8_text.h"

namespace netmon::capture {
namespace {

IpAddress addressOf(std::uint8_t family, const __u8 (&bytes)[16]) {
    if (family == kernel::NETMON_FAMILY_IPV4) {
        return IpAddress::v4({bytes[0], bytes[1], bytes[2], bytes[3]});
    }
    std::array<std::uint8_t, 16> copy{};
    std::memcpy(copy.data(), bytes, copy.size());
    return IpAddress::v6(copy);
}

void add(kernel::netmon_counter& total, const kernel::netmon_counter& more) {
    total.bytes += more.bytes;
    total.packets += more.packets;
}

}  // namespace

FlowCounts& FlowCounts::operator+=(const FlowCounts& other) {
    bytesIn += other.bytesIn;
    bytesOut += other.bytesOut;
    packetsIn += other.packetsIn;
    packetsOut += other.packetsOut;
    return *this;
}

FlowCounts countsOf(const kernel::netmon_flow_counters& counters) {
    return {counters.dir[kernel::NETMON_IN].bytes, counters.dir[kernel::NETMON_OUT].bytes,
            counters.dir[kernel::NETMON_IN].packets, counters.dir[kernel::NETMON_OUT].packets};
}

FlowKey flowKeyOf(const kernel::netmon_tuple& tuple) {
    FlowKey key;
    key.protocol = protocolFromNumber(tuple.protocol);
    key.localAddress = addressOf(tuple.family, tuple.local_addr);
    key.remoteAddress = addressOf(tuple.family, tuple.remote_addr);
    key.localPort = tuple.local_port;
    key.remotePort = tuple.remote_port;
    return key;
}

std::vector<kernel::netmon_owner_key> ownerKeysFor(const kernel::netmon_tuple& tuple,
                                                   std::uint32_t netns) {
    std::vector<kernel::netmon_owner_key> keys;
    if ((tuple.protocol != 6 && tuple.protocol != 17) || tuple.local_port == 0) {
        return keys;
    }
    kernel::netmon_owner_key key{};
    key.netns = netns;
    key.tuple = tuple;
    keys.push_back(key);  // the connection itself
    std::memset(key.tuple.remote_addr, 0, sizeof key.tuple.remote_addr);
    key.tuple.remote_port = 0;
    keys.push_back(key);  // the socket bound to this local address and port
    std::memset(key.tuple.local_addr, 0, sizeof key.tuple.local_addr);
    key.tuple.family = kernel::NETMON_FAMILY_ANY;
    keys.push_back(key);  // the socket bound to this port on any address
    return keys;
}

std::string commandOf(const char (&comm)[16]) {
    std::size_t length = 0;
    while (length < sizeof comm && comm[length] != '\0') {
        ++length;
    }
    // Any user can name a task anything, and the kernel cuts names at 15 bytes mid-character.
    return toValidUtf8(std::string_view(comm, length));
}

kernel::netmon_interface_counters sumPerCpu(
    std::span<const kernel::netmon_interface_counters> copies) {
    kernel::netmon_interface_counters total{};
    for (const kernel::netmon_interface_counters& copy : copies) {
        for (int dir = 0; dir < 2; ++dir) {
            add(total.non_ip[dir], copy.non_ip[dir]);
            add(total.malformed[dir], copy.malformed[dir]);
            add(total.overflow[dir], copy.overflow[dir]);
        }
    }
    return total;
}

UnflowedTraffic unflowedOf(const kernel::netmon_interface_counters& counters) {
    UnflowedTraffic other;
    for (const auto* kind : {counters.non_ip, counters.malformed, counters.overflow}) {
        other.bytesIn += kind[kernel::NETMON_IN].bytes;
        other.bytesOut += kind[kernel::NETMON_OUT].bytes;
        other.packetsIn += kind[kernel::NETMON_IN].packets;
        other.packetsOut += kind[kernel::NETMON_OUT].packets;
    }
    other.malformedPackets = counters.malformed[kernel::NETMON_IN].packets +
                             counters.malformed[kernel::NETMON_OUT].packets;
    return other;
}

std::uint64_t overflowPacketsOf(const kernel::netmon_interface_counters& counters) {
    return counters.overflow[kernel::NETMON_IN].packets +
           counters.overflow[kernel::NETMON_OUT].packets;
}

UnflowedTraffic& operator+=(UnflowedTraffic& total, const UnflowedTraffic& more) {
    total.bytesIn += more.bytesIn;
    total.bytesOut += more.bytesOut;
    total.packetsIn += more.packetsIn;
    total.packetsOut += more.packetsOut;
    total.malformedPackets += more.malformedPackets;
    return total;
}

UnflowedTraffic grownSince(const UnflowedTraffic& now, const UnflowedTraffic& before) {
    return {now.bytesIn - before.bytesIn, now.bytesOut - before.bytesOut,
            now.packetsIn - before.packetsIn, now.packetsOut - before.packetsOut,
            now.malformedPackets - before.malformedPackets};
}

}  // namespace netmon::capture
