// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/synthetic_load.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <mutex>
#include <string>

namespace netmon::gui {
namespace {

constexpr std::array<const char*, 8> kProcesses{"firefox", "chromium", "slack",   "ssh",
                                                "dropbox", "spotify",  "python3", "curl"};
constexpr std::array<std::pair<std::uint16_t, const char*>, 5> kServices{
    {{443, "https"}, {80, "http"}, {22, "ssh"}, {53, "domain"}, {993, "imaps"}}};

}  // namespace

SyntheticLoad::SyntheticLoad(int flows, int interfaces)
    : m_flowCount(flows), m_interfaceCount(interfaces) {
    for (int i = 0; i < m_interfaceCount; ++i) {
        InterfaceStat stat;
        stat.name = i == 0 ? "eth0" : "eth" + std::to_string(i);
        stat.index = static_cast<std::uint32_t>(i + 1);
        stat.state = OperState::Up;
        stat.kind = InterfaceKind::Ethernet;
        stat.speedMbps = 1000;
        stat.addresses = {"10.0." + std::to_string(i) + ".2/24"};
        m_interfaces.push_back(stat);
    }
    for (int i = 0; i < m_flowCount; ++i) {
        m_flows.push_back(makeFlow());
    }
}

SyntheticLoad::~SyntheticLoad() {
    m_thread = {};  // request_stop + join
}

FlowStat SyntheticLoad::makeFlow() {
    FlowStat flow;
    flow.id = m_nextId++;
    const bool udp = m_random() % 5 == 0;
    flow.key.protocol = udp ? Protocol::Udp : Protocol::Tcp;
    flow.key.localAddress = IpAddress::v4({10, 0, 0, 2});
    flow.key.localPort = static_cast<std::uint16_t>(32768 + m_random() % 28000);
    flow.key.remoteAddress = IpAddress::v4({93, 184, static_cast<std::uint8_t>(m_random() % 200),
                                            static_cast<std::uint8_t>(1 + m_random() % 250)});
    const auto& service = kServices[m_random() % kServices.size()];
    flow.key.remotePort = service.first;
    flow.service = service.second;
    flow.state = udp ? "UNCONN" : "ESTABLISHED";
    flow.owner = OwnerVisibility::Known;
    flow.pid = static_cast<std::uint32_t>(1000 + m_random() % 50);
    flow.processName = kProcesses[*flow.pid % kProcesses.size()];
    flow.remoteHostName =
        "host-" + std::to_string(flow.key.remoteAddress.bytes()[2]) + ".example.net";
    if (!udp) {
        flow.bytesIn = 0;
        flow.bytesOut = 0;
        flow.inBitsPerSecond = 0;
        flow.outBitsPerSecond = 0;
    }
    return flow;
}

Snapshot SyntheticLoad::next() {
    Snapshot snapshot;
    snapshot.sequence = ++m_sequence;
    snapshot.wallTime = std::chrono::system_clock::now();
    snapshot.steadyTime = std::chrono::steady_clock::now();
    snapshot.visibility = Visibility{
        true, true, false, false, false, "Synthetic load for benchmarks: no OS data is read."};
    // 1 % of the flows close and as many open; the rest move bytes.
    const std::size_t replaced = m_flows.size() / 100;
    for (std::size_t i = 0; i < replaced && !m_flows.empty(); ++i) {
        m_flows[m_random() % m_flows.size()] = makeFlow();
    }
    std::vector<TrackedFlow> tracked;
    tracked.reserve(m_flows.size());
    for (FlowStat& flow : m_flows) {
        TrackedFlow moved;
        if (flow.bytesIn) {
            moved.tickBytesIn = m_random() % 20000;
            moved.tickBytesOut = m_random() % 4000;
            *flow.bytesIn += moved.tickBytesIn;
            *flow.bytesOut += moved.tickBytesOut;
            flow.inBitsPerSecond = static_cast<double>(moved.tickBytesIn) * 8;
            flow.outBitsPerSecond = static_cast<double>(moved.tickBytesOut) * 8;
        }
        moved.stat = &flow;
        tracked.push_back(moved);
    }
    m_aggregator.update(tracked, 1.0);
    snapshot.flows = m_flows;
    snapshot.hosts = m_aggregator.hosts();
    snapshot.processes = m_aggregator.processes();
    for (InterfaceStat& stat : m_interfaces) {
        InterfaceTraffic traffic;
        traffic.rxBytes = 100'000 + m_random() % 900'000;
        traffic.txBytes = 10'000 + m_random() % 90'000;
        traffic.rxPackets = traffic.rxBytes / 1200;
        traffic.txPackets = traffic.txBytes / 600;
        traffic.elapsedSeconds = 1.0;
        traffic.rxBitsPerSecond = static_cast<double>(traffic.rxBytes) * 8;
        traffic.txBitsPerSecond = static_cast<double>(traffic.txBytes) * 8;
        stat.counters.rxBytes += traffic.rxBytes;
        stat.counters.txBytes += traffic.txBytes;
        stat.traffic = traffic;
    }
    snapshot.interfaces = m_interfaces;
    return snapshot;
}

void SyntheticLoad::start(Sink sink, std::chrono::milliseconds period) {
    m_thread = std::jthread([this, sink = std::move(sink), period](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        auto deadline = std::chrono::steady_clock::now();
        while (!stop.stop_requested()) {
            sink(next());
            deadline += period;
            std::unique_lock lock(mutex);
            wake.wait_until(lock, stop, deadline, [] { return false; });
        }
    });
}

}  // namespace netmon::gui
