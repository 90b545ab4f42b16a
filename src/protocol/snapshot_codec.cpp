// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/snapshot_codec.h"

#include "protocol/document_reader.h"
#include "protocol/flow_codec.h"
#include "protocol/interface_codec.h"
#include "protocol/json_values.h"
#include "protocol/json_views.h"
#include "protocol/message_limits.h"
#include "protocol/totals_codec.h"

namespace netmon::protocol {
namespace {

void readVisibility(FieldReader& reader, Visibility& out) {
    reader.flag("flows", out.flows);
    reader.flag("tcp_bytes", out.tcpBytes);
    reader.flag("udp_bytes", out.udpBytes);
    reader.flag("all_processes", out.allProcesses);
    reader.flag("closed_flows", out.closedFlows);
    reader.text("note", out.note);
}

void readSnapshot(FieldReader& reader, Snapshot& out) {
    reader.integer("sequence", out.sequence);
    reader.time("wall_time", out.wallTime);
    reader.name("mode", out.mode, parseMonitoringMode);
    reader.object("visibility", out.visibility, readVisibility);
    reader.list("interfaces", out.interfaces, kMaxListItems, readInterface);
    reader.list("flows", out.flows, kMaxListItems, readFlow);
    reader.list("hosts", out.hosts, kMaxListItems, readHost);
    reader.list("processes", out.processes, kMaxListItems, readProcess);
    reader.list("host_traffic", out.hostTraffic, kMaxListItems, readTickTraffic);
    reader.list("process_traffic", out.processTraffic, kMaxListItems, readTickTraffic);
    reader.list("capture", out.capture, kMaxListItems, readCaptureStats);
    reader.texts("warnings", out.warnings, kMaxListItems);
}

}  // namespace

nlohmann::json encodeSnapshot(const Snapshot& snapshot) {
    return {
        {"sequence", snapshot.sequence},
        {"wall_time", nanosecondsSinceEpoch(snapshot.wallTime)},
        {"mode", nameJson(snapshot.mode)},
        {"visibility", visibilityJson(snapshot.visibility)},
        {"interfaces", encodeList(snapshot.interfaces, encodeInterface)},
        {"flows", encodeList(snapshot.flows, encodeFlow)},
        {"hosts", encodeList(snapshot.hosts, encodeHost)},
        {"processes", encodeList(snapshot.processes, encodeProcess)},
        {"host_traffic", encodeList(snapshot.hostTraffic, encodeTickTraffic)},
        {"process_traffic", encodeList(snapshot.processTraffic, encodeTickTraffic)},
        {"capture", encodeList(snapshot.capture, encodeCaptureStats)},
        {"warnings", snapshot.warnings},
    };
}

Result<Snapshot> decodeSnapshot(const nlohmann::json& json,
                                std::chrono::steady_clock::time_point received) {
    auto snapshot = readDocument<Snapshot>(json, "snapshot", readSnapshot);
    if (snapshot) {
        snapshot->steadyTime = received;
    }
    return snapshot;
}

}  // namespace netmon::protocol
