// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "integration/child_process.h"
#include "integration/test_network.h"

namespace netmon::test {

// Why this machine cannot run the eBPF engine (not root, no kernel BTF), or nothing: then deep
// mode must work, and a test that finds basic mode fails instead of skipping.
std::optional<std::string> ebpfMachineUnavailableReason();

struct LinkSums {
    std::uint64_t bytesIn = 0, packetsIn = 0, bytesOut = 0, packetsOut = 0;
};

// The flows of one `watch --json` tick on the test link (local address addressA) plus its
// "other" bucket: what must equal the veth's kernel counters.
LinkSums linkTotals(const nlohmann::json& tick, const TestNetwork& network);

// The flow of `protocol` on `localPort` in a tick (not a listener).
std::optional<nlohmann::json> flowOf(const nlohmann::json& tick, const char* protocol,
                                     std::uint16_t localPort);

// The UDP flows to `localPort` (from any remote port: each sending socket is a flow), added
// up: packets and bytes received.
struct UdpTotals {
    std::uint64_t packetsIn = 0, bytesIn = 0;
};
UdpTotals udpTotalsTo(const nlohmann::json& tick, std::uint16_t localPort);

// Reads ticks of a running `watch --json` until the UDP flows to `localPort` have received
// `packets` packets (at most 10 s); returns the last tick read (null when none came).
nlohmann::json tickWithUdpPackets(ChildProcess& watch, std::uint16_t localPort,
                                  std::uint64_t packets);

// Whether one of the tick's warnings contains `text`.
bool warnsOf(const nlohmann::json& tick, const std::string& text);

// `argv` run as `sudo setcap cap_bpf,cap_perfmon,cap_net_admin,cap_net_raw+ep` would run it
// for an ordinary user (uid 65534 here): those capabilities and no other, CAP_SYS_ADMIN
// included. `dropped` leaves one of the four out too (e.g. "net_raw": no libpcap).
std::vector<std::string> withCapabilitiesOnly(const std::vector<std::string>& argv,
                                              const std::string& dropped = "");

}  // namespace netmon::test
