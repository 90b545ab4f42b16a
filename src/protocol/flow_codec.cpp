// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/flow_codec.h"

#include "protocol/json_values.h"

namespace netmon::protocol {

nlohmann::json encodeFlow(const FlowStat& flow) {
    return {
        {"protocol", nameJson(flow.key.protocol)},
        {"local_address", addressJson(flow.key.localAddress)},
        {"local_port", flow.key.localPort},
        {"remote_address", addressJson(flow.key.remoteAddress)},
        {"remote_port", flow.key.remotePort},
        {"id", flow.id},
        {"state", flow.state},
        {"listening", flow.listening},
        {"uid", nullable(flow.uid)},
        {"owner", nameJson(flow.owner)},
        {"pid", nullable(flow.pid)},
        {"process_name", flow.processName},
        {"executable", flow.executable},
        {"service", flow.service},
        {"remote_host_name", flow.remoteHostName},
        {"bytes_in", nullable(flow.bytesIn)},
        {"bytes_out", nullable(flow.bytesOut)},
        {"packets_in", nullable(flow.packetsIn)},
        {"packets_out", nullable(flow.packetsOut)},
        {"in_bits_per_second", nullable(flow.inBitsPerSecond)},
        {"out_bits_per_second", nullable(flow.outBitsPerSecond)},
    };
}

void readFlow(FieldReader& reader, FlowStat& out) {
    reader.name("protocol", out.key.protocol, parseProtocol);
    reader.address("local_address", out.key.localAddress);
    reader.integer("local_port", out.key.localPort);
    reader.address("remote_address", out.key.remoteAddress);
    reader.integer("remote_port", out.key.remotePort);
    reader.integer("id", out.id);
    reader.text("state", out.state);
    reader.flag("listening", out.listening);
    reader.integer("uid", out.uid);
    reader.name("owner", out.owner, parseOwnerVisibility);
    reader.integer("pid", out.pid);
    reader.text("process_name", out.processName);
    reader.text("executable", out.executable);
    reader.text("service", out.service);
    reader.text("remote_host_name", out.remoteHostName);
    reader.integer("bytes_in", out.bytesIn);
    reader.integer("bytes_out", out.bytesOut);
    reader.integer("packets_in", out.packetsIn);
    reader.integer("packets_out", out.packetsOut);
    reader.number("in_bits_per_second", out.inBitsPerSecond);
    reader.number("out_bits_per_second", out.outBitsPerSecond);
}

}  // namespace netmon::protocol
