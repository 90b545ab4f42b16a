// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/json_views.h"

#include "core/time_text.h"
#include "protocol/json_values.h"

namespace netmon::protocol {

std::string jsonText(const nlohmann::json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json interfaceJson(const InterfaceStat& interface) {
    return {
        {"name", interface.name},
        {"index", interface.index},
        {"mac", interface.mac},
        {"state", toString(interface.state)},
        {"kind", toString(interface.kind)},
        {"virtual", interface.isVirtual},
        {"speed_mbps", interface.speedMbps ? nlohmann::json(*interface.speedMbps) : nullptr},
        {"addresses", interface.addresses},
        {"rx_bytes", interface.counters.rxBytes},
        {"tx_bytes", interface.counters.txBytes},
        {"rx_packets", interface.counters.rxPackets},
        {"tx_packets", interface.counters.txPackets},
        {"rx_errors", interface.counters.rxErrors},
        {"tx_errors", interface.counters.txErrors},
        {"rx_drops", interface.counters.rxDrops},
        {"tx_drops", interface.counters.txDrops},
        {"counter_bits", interface.counterBits},
    };
}

nlohmann::json watchTickJson(const Snapshot& snapshot) {
    nlohmann::json interfaces = nlohmann::json::array();
    for (const InterfaceStat& interface : snapshot.interfaces) {
        const auto& traffic = interface.traffic;
        interfaces.push_back({
            {"name", interface.name},
            {"state", toString(interface.state)},
            {"rx_bytes", interface.counters.rxBytes},
            {"tx_bytes", interface.counters.txBytes},
            {"rx_packets", interface.counters.rxPackets},
            {"tx_packets", interface.counters.txPackets},
            {"rx_bps", nullable(traffic ? std::optional(traffic->rxBitsPerSecond) : std::nullopt)},
            {"tx_bps", nullable(traffic ? std::optional(traffic->txBitsPerSecond) : std::nullopt)},
            {"elapsed_s",
             nullable(traffic ? std::optional(traffic->elapsedSeconds) : std::nullopt)},
            {"counter_reset", traffic && traffic->counterReset},
        });
    }
    return {
        {"time", formatIsoUtc(snapshot.wallTime)},
        {"sequence", snapshot.sequence},
        {"mode", toString(snapshot.mode)},
        {"visibility", visibilityJson(snapshot.visibility)},
        {"warnings", snapshot.warnings},
        {"interfaces", std::move(interfaces)},
        {"flows", jsonArray(snapshot.flows, flowJson)},
        {"hosts", jsonArray(snapshot.hosts, hostJson)},
        {"processes", jsonArray(snapshot.processes, processJson)},
        {"capture", jsonArray(snapshot.capture, captureJson)},
    };
}

nlohmann::json flowJson(const FlowStat& flow) {
    return {
        {"protocol", toString(flow.key.protocol)},
        {"local_address", flow.key.localAddress.toString()},
        {"local_port", flow.key.localPort},
        {"remote_address", flow.key.remoteAddress.toString()},
        {"remote_port", flow.key.remotePort},
        {"remote_host", flow.remoteHostName},
        {"service", flow.service},
        {"state", flow.state},
        {"listening", flow.listening},
        {"uid", nullable(flow.uid)},
        {"owner", toString(flow.owner)},
        {"pid", nullable(flow.pid)},
        {"process", flow.processName},
        {"executable", flow.executable},
        {"bytes_in", nullable(flow.bytesIn)},
        {"bytes_out", nullable(flow.bytesOut)},
        {"packets_in", nullable(flow.packetsIn)},
        {"packets_out", nullable(flow.packetsOut)},
        {"in_bps", nullable(flow.inBitsPerSecond)},
        {"out_bps", nullable(flow.outBitsPerSecond)},
    };
}

nlohmann::json hostJson(const HostStat& host) {
    return {
        {"address", host.address.toString()},
        {"host_name", host.hostName},
        {"bytes_in", nullable(host.bytesIn)},
        {"bytes_out", nullable(host.bytesOut)},
        {"bytes_complete", host.bytesComplete},
        {"in_bps", nullable(host.inBitsPerSecond)},
        {"out_bps", nullable(host.outBitsPerSecond)},
        {"rates_complete", host.ratesComplete},
        {"connections", host.connections},
        {"processes", host.processes},
    };
}

nlohmann::json processJson(const ProcessStat& process) {
    return {
        {"pid", process.pid},
        {"name", process.name},
        {"executable", process.executable},
        {"bytes_in", nullable(process.bytesIn)},
        {"bytes_out", nullable(process.bytesOut)},
        {"bytes_complete", process.bytesComplete},
        {"in_bps", nullable(process.inBitsPerSecond)},
        {"out_bps", nullable(process.outBitsPerSecond)},
        {"rates_complete", process.ratesComplete},
        {"connections", process.connections},
        {"listening", process.listening},
    };
}

nlohmann::json captureJson(const CaptureInterfaceStats& stats) {
    return {
        {"interface", stats.interfaceName},
        {"other_bytes_in", stats.other.bytesIn},
        {"other_bytes_out", stats.other.bytesOut},
        {"other_packets_in", stats.other.packetsIn},
        {"other_packets_out", stats.other.packetsOut},
        {"malformed_packets", stats.other.malformedPackets},
        {"kernel_drops", stats.kernelDrops},
    };
}

nlohmann::json visibilityJson(const Visibility& visibility) {
    return {
        {"flows", visibility.flows},
        {"tcp_bytes", visibility.tcpBytes},
        {"udp_bytes", visibility.udpBytes},
        {"all_processes", visibility.allProcesses},
        {"closed_flows", visibility.closedFlows},
        {"note", visibility.note},
    };
}

nlohmann::json breakdownRowJson(const storage::BreakdownRow& row) {
    return {{"name", row.name},
            {"bytes_in", row.bytesIn},
            {"bytes_out", row.bytesOut},
            {"other", row.other}};
}

nlohmann::json historyRowJson(const storage::HistoryRow& row) {
    return {
        {"start", formatIsoUtc(row.start)}, {"interface", row.interfaceName},
        {"rx_bytes", row.rxBytes},          {"tx_bytes", row.txBytes},
        {"rx_packets", row.rxPackets},      {"tx_packets", row.txPackets},
    };
}

nlohmann::json usageJson(const storage::UsageTotals& usage) {
    return {
        {"interface", usage.interfaceName},     {"today_rx_bytes", usage.todayRxBytes},
        {"today_tx_bytes", usage.todayTxBytes}, {"month_rx_bytes", usage.monthRxBytes},
        {"month_tx_bytes", usage.monthTxBytes},
    };
}

nlohmann::json permissionJson(const PermissionCheck& check) {
    return {
        {"name", check.name},
        {"passed", check.passed},
        {"detail", check.detail},
        {"hint", check.hint},
    };
}

}  // namespace netmon::protocol
