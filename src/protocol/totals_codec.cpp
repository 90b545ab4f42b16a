// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/totals_codec.h"

#include "protocol/json_values.h"
#include "protocol/message_limits.h"

namespace netmon::protocol {

namespace {

// The figures HostStat and ProcessStat both sum from their flows, under the same names.
template <typename Totals>
void addFigures(const Totals& totals, nlohmann::json& out) {
    out["bytes_in"] = nullable(totals.bytesIn);
    out["bytes_out"] = nullable(totals.bytesOut);
    out["bytes_complete"] = totals.bytesComplete;
    out["in_bits_per_second"] = nullable(totals.inBitsPerSecond);
    out["out_bits_per_second"] = nullable(totals.outBitsPerSecond);
    out["rates_complete"] = totals.ratesComplete;
    out["connections"] = totals.connections;
}

template <typename Totals>
void readFigures(FieldReader& reader, Totals& out) {
    reader.integer("bytes_in", out.bytesIn);
    reader.integer("bytes_out", out.bytesOut);
    reader.flag("bytes_complete", out.bytesComplete);
    reader.number("in_bits_per_second", out.inBitsPerSecond);
    reader.number("out_bits_per_second", out.outBitsPerSecond);
    reader.flag("rates_complete", out.ratesComplete);
    reader.integer("connections", out.connections);
}

}  // namespace

nlohmann::json encodeHost(const HostStat& host) {
    nlohmann::json out = {
        {"address", addressJson(host.address)},
        {"host_name", host.hostName},
        {"processes", host.processes},
    };
    addFigures(host, out);
    return out;
}

void readHost(FieldReader& reader, HostStat& out) {
    reader.address("address", out.address);
    reader.text("host_name", out.hostName);
    reader.texts("processes", out.processes, kMaxListItems);
    readFigures(reader, out);
}

nlohmann::json encodeProcess(const ProcessStat& process) {
    nlohmann::json out = {
        {"pid", process.pid},
        {"name", process.name},
        {"executable", process.executable},
        {"listening", process.listening},
    };
    addFigures(process, out);
    return out;
}

void readProcess(FieldReader& reader, ProcessStat& out) {
    reader.integer("pid", out.pid);
    reader.text("name", out.name);
    reader.text("executable", out.executable);
    reader.integer("listening", out.listening);
    readFigures(reader, out);
}

nlohmann::json encodeTickTraffic(const TickTraffic& traffic) {
    return {{"name", traffic.name}, {"bytes_in", traffic.bytesIn}, {"bytes_out", traffic.bytesOut}};
}

void readTickTraffic(FieldReader& reader, TickTraffic& out) {
    reader.text("name", out.name);
    reader.integer("bytes_in", out.bytesIn);
    reader.integer("bytes_out", out.bytesOut);
}

nlohmann::json encodeCaptureStats(const CaptureInterfaceStats& stats) {
    const UnflowedTraffic& other = stats.other;
    return {
        {"interface_name", stats.interfaceName},
        {"other",
         {{"bytes_in", other.bytesIn},
          {"bytes_out", other.bytesOut},
          {"packets_in", other.packetsIn},
          {"packets_out", other.packetsOut},
          {"malformed_packets", other.malformedPackets}}},
        {"kernel_drops", stats.kernelDrops},
    };
}

void readCaptureStats(FieldReader& reader, CaptureInterfaceStats& out) {
    reader.text("interface_name", out.interfaceName);
    reader.object("other", out.other, [](FieldReader& other, UnflowedTraffic& traffic) {
        other.integer("bytes_in", traffic.bytesIn);
        other.integer("bytes_out", traffic.bytesOut);
        other.integer("packets_in", traffic.packetsIn);
        other.integer("packets_out", traffic.packetsOut);
        other.integer("malformed_packets", traffic.malformedPackets);
    });
    reader.integer("kernel_drops", out.kernelDrops);
}

}  // namespace netmon::protocol
