// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/interface_codec.h"

#include "protocol/json_values.h"
#include "protocol/message_limits.h"

namespace netmon::protocol {
namespace {

nlohmann::json encodeCounters(const InterfaceCounters& counters) {
    return {
        {"rx_bytes", counters.rxBytes},     {"tx_bytes", counters.txBytes},
        {"rx_packets", counters.rxPackets}, {"tx_packets", counters.txPackets},
        {"rx_errors", counters.rxErrors},   {"tx_errors", counters.txErrors},
        {"rx_drops", counters.rxDrops},     {"tx_drops", counters.txDrops},
    };
}

void readCounters(FieldReader& reader, InterfaceCounters& out) {
    reader.integer("rx_bytes", out.rxBytes);
    reader.integer("tx_bytes", out.txBytes);
    reader.integer("rx_packets", out.rxPackets);
    reader.integer("tx_packets", out.txPackets);
    reader.integer("rx_errors", out.rxErrors);
    reader.integer("tx_errors", out.txErrors);
    reader.integer("rx_drops", out.rxDrops);
    reader.integer("tx_drops", out.txDrops);
}

nlohmann::json encodeTraffic(const InterfaceTraffic& traffic) {
    return {
        {"rx_bytes", traffic.rxBytes},
        {"tx_bytes", traffic.txBytes},
        {"rx_packets", traffic.rxPackets},
        {"tx_packets", traffic.txPackets},
        {"rx_bits_per_second", traffic.rxBitsPerSecond},
        {"tx_bits_per_second", traffic.txBitsPerSecond},
        {"elapsed_seconds", traffic.elapsedSeconds},
        {"counter_reset", traffic.counterReset},
    };
}

void readTraffic(FieldReader& reader, InterfaceTraffic& out) {
    reader.integer("rx_bytes", out.rxBytes);
    reader.integer("tx_bytes", out.txBytes);
    reader.integer("rx_packets", out.rxPackets);
    reader.integer("tx_packets", out.txPackets);
    reader.number("rx_bits_per_second", out.rxBitsPerSecond);
    reader.number("tx_bits_per_second", out.txBitsPerSecond);
    reader.number("elapsed_seconds", out.elapsedSeconds);
    reader.flag("counter_reset", out.counterReset);
}

}  // namespace

nlohmann::json encodeInterface(const InterfaceStat& interface) {
    return {
        {"name", interface.name},
        {"index", interface.index},
        {"mac", interface.mac},
        {"state", nameJson(interface.state)},
        {"kind", nameJson(interface.kind)},
        {"is_virtual", interface.isVirtual},
        {"speed_mbps", nullable(interface.speedMbps)},
        {"addresses", interface.addresses},
        {"counters", encodeCounters(interface.counters)},
        {"counter_bits", interface.counterBits},
        {"traffic", interface.traffic ? encodeTraffic(*interface.traffic) : nullptr},
    };
}

void readInterface(FieldReader& reader, InterfaceStat& out) {
    reader.text("name", out.name);
    reader.integer("index", out.index);
    reader.text("mac", out.mac);
    reader.name("state", out.state, parseOperState);
    reader.name("kind", out.kind, parseInterfaceKind);
    reader.flag("is_virtual", out.isVirtual);
    reader.integer("speed_mbps", out.speedMbps);
    reader.texts("addresses", out.addresses, kMaxListItems);
    reader.object("counters", out.counters, readCounters);
    // Only the widths an OS gives: counterStep's wrap arithmetic assumes one of them.
    reader.integer("counter_bits", out.counterBits);
    if (!reader.problem() && out.counterBits != 32 && out.counterBits != 64) {
        reader.refuse("counter_bits", "expected 32 or 64, not " + std::to_string(out.counterBits));
    }
    reader.object("traffic", out.traffic, readTraffic);
}

}  // namespace netmon::protocol
