// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/fake_snapshots.h"

#include <cmath>

#include "core/aggregator.h"

namespace netmon::test {
namespace {

IpAddress address(const std::string& text) {
    return IpAddress::parse(text).value_or(IpAddress{});
}

FlowStat flow(std::uint64_t id, Protocol protocol, const std::string& local,
              std::uint16_t localPort, const std::string& remote, std::uint16_t remotePort,
              const std::string& state, const std::string& service) {
    FlowStat stat;
    stat.id = id;
    stat.key.protocol = protocol;
    stat.key.localAddress = address(local);
    stat.key.localPort = localPort;
    stat.key.remoteAddress = address(remote);
    stat.key.remotePort = remotePort;
    stat.state = state;
    stat.service = service;
    return stat;
}

void owned(FlowStat& stat, std::uint32_t pid, const std::string& name) {
    stat.owner = OwnerVisibility::Known;
    stat.pid = pid;
    stat.processName = name;
    stat.executable = "/usr/bin/" + name;
}

void counted(FlowStat& stat, std::uint64_t in, std::uint64_t out, double inBps, double outBps) {
    stat.bytesIn = in;
    stat.bytesOut = out;
    stat.inBitsPerSecond = inBps;
    stat.outBitsPerSecond = outBps;
}

}  // namespace

InterfaceStat makeNic(const std::string& name, InterfaceKind kind, double rxBps, double txBps,
                      double seconds) {
    InterfaceStat stat;
    stat.name = name;
    stat.kind = kind;
    stat.state = OperState::Up;
    stat.isVirtual = kind == InterfaceKind::Loopback || kind == InterfaceKind::Veth ||
                     kind == InterfaceKind::Bridge || kind == InterfaceKind::Tunnel ||
                     kind == InterfaceKind::Container;
    InterfaceTraffic traffic;
    traffic.rxBitsPerSecond = rxBps;
    traffic.txBitsPerSecond = txBps;
    traffic.elapsedSeconds = seconds;
    traffic.rxBytes = static_cast<std::uint64_t>(std::llround(rxBps / 8.0 * seconds));
    traffic.txBytes = static_cast<std::uint64_t>(std::llround(txBps / 8.0 * seconds));
    traffic.rxPackets = traffic.rxBytes / 1400;
    traffic.txPackets = traffic.txBytes / 600;
    stat.traffic = traffic;
    return stat;
}

FlowStat makeTcpFlow(std::uint64_t id, const std::string& remote, std::uint16_t remotePort,
                     const std::string& process, std::uint64_t bytesIn, std::uint64_t bytesOut) {
    FlowStat stat = flow(id, Protocol::Tcp, "192.168.1.23", static_cast<std::uint16_t>(40000 + id),
                         remote, remotePort, "ESTABLISHED", remotePort == 443 ? "https" : "");
    owned(stat, process == "firefox" ? 3121 : 4410, process);
    counted(stat, bytesIn, bytesOut, 0, 0);
    return stat;
}

FlowStat makeUdpFlow(std::uint64_t id, const std::string& remote, std::uint16_t remotePort,
                     const std::string& process) {
    FlowStat stat = flow(id, Protocol::Udp, "192.168.1.23", static_cast<std::uint16_t>(40000 + id),
                         remote, remotePort, "ESTABLISHED", remotePort == 53 ? "domain" : "");
    owned(stat, 4410, process);
    return stat;
}

void aggregate(Snapshot& snapshot) {
    std::vector<FlowStat> stats = snapshot.flows;  // the aggregator reads them where they are
    std::vector<TrackedFlow> tracked;
    for (FlowStat& stat : stats) {
        TrackedFlow flow;
        flow.stat = &stat;
        // What a 1 s tick at the flow's rate moved (nothing where it has no counts).
        flow.tickBytesIn =
            static_cast<std::uint64_t>(std::llround(stat.inBitsPerSecond.value_or(0) / 8.0));
        flow.tickBytesOut =
            static_cast<std::uint64_t>(std::llround(stat.outBitsPerSecond.value_or(0) / 8.0));
        tracked.push_back(flow);
    }
    Aggregator aggregator;
    aggregator.update(tracked, 1.0);
    snapshot.hosts = aggregator.hosts();
    snapshot.processes = aggregator.processes();
}

Snapshot realisticSnapshot(const SnapshotOptions& options) {
    const double k = options.scale;
    const auto n = static_cast<std::uint64_t>(options.sequence);
    Snapshot snapshot;
    snapshot.sequence = options.sequence;
    snapshot.wallTime = options.wallTime;
    snapshot.mode = MonitoringMode::Basic;
    snapshot.visibility = Visibility{
        options.flowsVisible, true, false, false, false, options.flowsVisible ? kBasicNote : ""};

    InterfaceStat eth0 = makeNic("eth0", InterfaceKind::Ethernet, 10e6 * k, 1e6 * k);
    eth0.index = 2;
    eth0.mac = "3c:7c:3f:1e:22:9a";
    eth0.speedMbps = 1000;
    eth0.addresses = {"192.168.1.23/24", "fe80::3e7c:3fff:fe1e:229a/64"};
    eth0.counters.rxBytes = 5'368'709'120 + n * 1'250'000;
    eth0.counters.txBytes = 734'003'200 + n * 125'000;
    InterfaceStat wlan0 = makeNic("wlan0", InterfaceKind::Wireless, 2.5e6 * k, 0.5e6 * k);
    wlan0.index = 3;
    wlan0.addresses = {"192.168.1.57/24"};
    wlan0.counters.rxBytes = 1'288'490'188 + n * 312'500;
    wlan0.counters.txBytes = 96'468'992 + n * 62'500;
    InterfaceStat lo = makeNic("lo", InterfaceKind::Loopback, 50e6, 50e6);
    lo.index = 1;
    lo.addresses = {"127.0.0.1/8", "::1/128"};
    lo.counters.rxBytes = lo.counters.txBytes = 912'261'120;
    InterfaceStat docker0 = makeNic("docker0", InterfaceKind::Container, 0, 0);
    docker0.index = 4;
    docker0.state = OperState::Down;
    docker0.traffic.reset();
    docker0.addresses = {"172.17.0.1/16"};
    InterfaceStat veth = makeNic("veth3f2a1b", InterfaceKind::Veth, 1e6, 0.2e6);
    veth.index = 7;
    snapshot.interfaces = {lo, eth0, wlan0, docker0, veth};

    if (!options.flowsVisible) {
        return snapshot;
    }
    const std::uint64_t ticks = n;
    auto& flows = snapshot.flows;
    FlowStat google = flow(1, Protocol::Tcp, "192.168.1.23", 51432, "142.250.185.78", 443,
                           "ESTABLISHED", "https");
    owned(google, 3121, "firefox");
    google.remoteHostName = "fra16s52-in-f14.1e100.net";
    counted(google, 48'234'112 + ticks * 1'025'000, 1'203'456 + ticks * 15'000, 8.2e6 * k,
            0.12e6 * k);
    flows.push_back(google);
    FlowStat reddit =
        flow(2, Protocol::Tcp, "192.168.1.23", 51440, "151.101.1.140", 443, "ESTABLISHED", "https");
    owned(reddit, 3121, "firefox");
    reddit.remoteHostName = "reddit.map.fastly.net";
    counted(reddit, 3'456'789, 402'112, 0.9e6 * k, 40e3 * k);
    flows.push_back(reddit);
    FlowStat github =
        flow(3, Protocol::Tcp, "192.168.1.23", 33512, "140.82.121.4", 443, "ESTABLISHED", "https");
    owned(github, 4410, "chromium");
    github.remoteHostName = "lb-140-82-121-4-fra.github.com";
    counted(github, 12'582'912, 2'097'152, 1.1e6 * k, 0.3e6 * k);
    flows.push_back(github);
    FlowStat spotify =
        flow(4, Protocol::Tcp, "192.168.1.23", 47002, "35.186.224.25", 443, "ESTABLISHED", "https");
    owned(spotify, 2890, "spotify");
    spotify.remoteHostName = "25.224.186.35.bc.googleusercontent.com";
    counted(spotify, 7'340'032, 180'224, 0.3e6 * k, 8e3 * k);
    flows.push_back(spotify);
    FlowStat nas =
        flow(5, Protocol::Tcp, "192.168.1.23", 50122, "192.168.1.10", 22, "ESTABLISHED", "ssh");
    owned(nas, 5120, "ssh");
    nas.remoteHostName = "nas.lan";
    counted(nas, 918'528, 2'411'724, 12e3 * k, 96e3 * k);
    flows.push_back(nas);
    FlowStat youtube = flow(6, Protocol::Tcp, "2a02:8109:b6c0:1a00::23", 58220,
                            "2a00:1450:4001:82b::200e", 443, "ESTABLISHED", "https");
    owned(youtube, 3121, "firefox");
    youtube.remoteHostName = "fra24s06-in-x0e.1e100.net";
    counted(youtube, 25'165'824, 524'288, 1.6e6 * k, 20e3 * k);
    flows.push_back(youtube);
    FlowStat mdns = flow(7, Protocol::Udp, "0.0.0.0", 5353, "0.0.0.0", 0, "UNCONN", "mdns");
    mdns.listening = true;
    mdns.owner = OwnerVisibility::NeedsAdmin;
    flows.push_back(mdns);
    FlowStat dns =
        flow(8, Protocol::Udp, "192.168.1.23", 39712, "1.1.1.1", 53, "ESTABLISHED", "domain");
    dns.owner = OwnerVisibility::NeedsAdmin;
    dns.remoteHostName = "one.one.one.one";
    flows.push_back(dns);
    FlowStat quic = flow(9, Protocol::Udp, "192.168.1.23", 41000, "142.250.185.78", 443,
                         "ESTABLISHED", "https");
    owned(quic, 4410, "chromium");
    quic.remoteHostName = "fra16s52-in-f14.1e100.net";
    flows.push_back(quic);
    FlowStat sshd = flow(10, Protocol::Tcp, "0.0.0.0", 22, "0.0.0.0", 0, "LISTEN", "ssh");
    sshd.listening = true;
    sshd.owner = OwnerVisibility::NeedsAdmin;
    flows.push_back(sshd);
    FlowStat cups = flow(11, Protocol::Tcp, "127.0.0.1", 631, "0.0.0.0", 0, "LISTEN", "ipp");
    cups.listening = true;
    cups.owner = OwnerVisibility::NeedsAdmin;
    flows.push_back(cups);
    FlowStat closing =
        flow(12, Protocol::Tcp, "192.168.1.23", 51002, "93.184.216.34", 80, "TIME_WAIT", "http");
    closing.remoteHostName = "example.com";
    counted(closing, 1'256, 512, 0, 0);
    flows.push_back(closing);
    FlowStat dev = flow(13, Protocol::Tcp, "::", 8080, "::", 0, "LISTEN", "http-alt");
    dev.listening = true;
    owned(dev, 7781, "python3");
    flows.push_back(dev);
    FlowStat slack =
        flow(14, Protocol::Tcp, "192.168.1.23", 52210, "3.120.57.18", 443, "ESTABLISHED", "https");
    owned(slack, 6022, "slack");
    slack.remoteHostName = "wss-primary.slack.com";
    counted(slack, 1'048'576, 262'144, 16e3 * k, 4e3 * k);
    flows.push_back(slack);
    for (int i = 0; i < options.extraFlows; ++i) {
        const std::string remote =
            "104.16." + std::to_string(100 + i % 7) + "." + std::to_string(20 + i);
        FlowStat extra = makeTcpFlow(100 + static_cast<std::uint64_t>(i), remote, 443,
                                     i % 3 == 0 ? "chromium" : "firefox",
                                     static_cast<std::uint64_t>(40'000 + i * 13'337),
                                     static_cast<std::uint64_t>(9'000 + i * 1'001));
        extra.remoteHostName = i % 4 == 0 ? "" : "cdn" + std::to_string(i) + ".cloudflare.net";
        flows.push_back(extra);
    }
    aggregate(snapshot);
    return snapshot;
}

}  // namespace netmon::test
