// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/deep_mode_ticks.h"

#include <unistd.h>

#include <chrono>

#include "integration/cli_json.h"
#include "support/machine_checks.h"

namespace netmon::test {

std::optional<std::string> ebpfMachineUnavailableReason() {
    if (const auto reason = TestNetwork::unavailableReason()) {
        return reason;
    }
    return ebpfUnavailableReason();
}

LinkSums linkTotals(const nlohmann::json& tick, const TestNetwork& network) {
    LinkSums sums;
    for (const auto& flow : tick["flows"]) {
        if (flow["local_address"] == network.addressA && !flow["bytes_in"].is_null()) {
            sums.bytesIn += flow["bytes_in"].get<std::uint64_t>();
            sums.bytesOut += flow["bytes_out"].get<std::uint64_t>();
            sums.packetsIn += flow["packets_in"].get<std::uint64_t>();
            sums.packetsOut += flow["packets_out"].get<std::uint64_t>();
        }
    }
    if (const auto other = findNamed(tick["capture"], network.ifA, "interface")) {
        sums.bytesIn += (*other)["other_bytes_in"].get<std::uint64_t>();
        sums.bytesOut += (*other)["other_bytes_out"].get<std::uint64_t>();
        sums.packetsIn += (*other)["other_packets_in"].get<std::uint64_t>();
        sums.packetsOut += (*other)["other_packets_out"].get<std::uint64_t>();
    }
    return sums;
}

std::optional<nlohmann::json> flowOf(const nlohmann::json& tick, const char* protocol,
                                     std::uint16_t localPort) {
    for (const auto& flow : tick["flows"]) {
        if (flow["protocol"] == protocol && flow["local_port"] == localPort &&
            !flow["listening"].get<bool>()) {
            return flow;
        }
    }
    return std::nullopt;
}

UdpTotals udpTotalsTo(const nlohmann::json& tick, std::uint16_t localPort) {
    UdpTotals totals;
    for (const auto& flow : tick.value("flows", nlohmann::json::array())) {
        if (flow["protocol"] == "udp" && flow["local_port"] == localPort &&
            !flow["listening"].get<bool>() && !flow["packets_in"].is_null()) {
            totals.packetsIn += flow["packets_in"].get<std::uint64_t>();
            totals.bytesIn += flow["bytes_in"].get<std::uint64_t>();
        }
    }
    return totals;
}

nlohmann::json tickWithUdpPackets(ChildProcess& watch, std::uint16_t localPort,
                                  std::uint64_t packets) {
    nlohmann::json tick;
    // Lines the test did not read yet come first: read by time, not by count.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{10};
    while (std::chrono::steady_clock::now() < deadline) {
        const auto line = watch.readLine(std::chrono::seconds{5});
        if (!line) {
            break;
        }
        tick = nlohmann::json::parse(*line);
        if (udpTotalsTo(tick, localPort).packetsIn == packets) {
            break;
        }
    }
    return tick;
}

bool warnsOf(const nlohmann::json& tick, const std::string& text) {
    for (const auto& warning : tick.value("warnings", nlohmann::json::array())) {
        if (warning.get<std::string>().find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> withCapabilitiesOnly(const std::vector<std::string>& argv,
                                              const std::string& dropped) {
    std::string caps;
    for (const char* cap : {"bpf", "perfmon", "net_admin", "net_raw"}) {
        if (cap != dropped) {
            caps += std::string(caps.empty() ? "" : ",") + "+" + cap;
        }
    }
    std::vector<std::string> wrapped{"setpriv",
                                     "--reuid=65534",
                                     "--regid=65534",
                                     "--clear-groups",
                                     "--inh-caps=-all," + caps,
                                     "--ambient-caps=-all," + caps,
                                     "--bounding-set=-all," + caps,
                                     "--"};
    wrapped.insert(wrapped.end(), argv.begin(), argv.end());
    return wrapped;
}

}  // namespace netmon::test
