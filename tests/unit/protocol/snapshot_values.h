// SPDX-License-Identifier: GPL-3.0-or-later
// A snapshot with every field set by hand to a value of its own (none the default, counters at
// the ends of their range), and a field-by-field comparison written independently of the codec.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <tuple>

#include "core/model/snapshot.h"

namespace netmon::protocol::test {

inline constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();
// 2025-11-26T19:34:05.123456789Z: nanoseconds, so a codec that kept microseconds would fail.
inline constexpr std::int64_t kWallNanoseconds = 1'764'185'645'123'456'789;

inline IpAddress address(const char* text) {
    return IpAddress::parse(text).value();
}

inline InterfaceStat sampleInterface() {
    InterfaceStat interface;
    interface.name = "wlp0s20f3";
    interface.index = 4'000'000'000U;
    interface.mac = "aa:bb:cc:dd:ee:ff";
    interface.state = OperState::LowerLayerDown;
    interface.kind = InterfaceKind::Wireless;
    interface.isVirtual = true;
    interface.speedMbps = kMax64;
    interface.addresses = {"192.0.2.1/24", "2001:db8::1/64"};
    interface.counters = {kMax64, kMax64 - 1, 3, 4, 5, 6, 7, 8};
    interface.counterBits = 32;
    interface.traffic = InterfaceTraffic{kMax64 - 2, 11, 12, 13, 0.1 + 0.2, 1e-300, 1.000001, true};
    return interface;
}

// The other interface: what a first reading leaves unknown.
inline InterfaceStat firstReadingInterface() {
    InterfaceStat interface;
    interface.name = "veth-ns0";
    interface.index = 9;
    interface.state = OperState::Dormant;
    interface.kind = InterfaceKind::Veth;
    interface.counters = {21, 22, 23, 24, 25, 26, 27, 28};
    return interface;  // no MAC, speed, addresses or traffic
}

inline FlowStat sampleFlow() {
    FlowStat flow;
    flow.key = {Protocol::Icmpv6, address("2001:db8::42"), 65535, address("::ffff:198.51.100.7"),
                1};
    flow.id = kMax64;
    flow.state = "ESTABLISHED";
    flow.listening = true;
    flow.uid = 4'294'967'295U;
    flow.owner = OwnerVisibility::NeedsAdmin;
    flow.pid = 31337;
    flow.processName = "café ☕";
    flow.executable = "C:\\Program Files\\x.exe";
    flow.service = "https";
    flow.remoteHostName = "example.net";
    flow.bytesIn = kMax64;
    flow.bytesOut = 0;  // known to be zero: not unknown
    flow.packetsIn = 33;
    flow.packetsOut = 34;
    flow.inBitsPerSecond = 123456789.123456789;
    flow.outBitsPerSecond = 0.0;
    return flow;
}

// UDP in basic mode: nothing counted, nobody known.
inline FlowStat unknownFlow() {
    FlowStat flow;
    flow.key = {Protocol::Udp, address("10.0.0.1"), 5353, address("224.0.0.251"), 5353};
    flow.id = 77;
    flow.state = "UNCONN";
    flow.owner = OwnerVisibility::Known;
    return flow;
}

inline HostStat sampleHost() {
    HostStat host;
    host.address = address("203.0.113.9");
    host.hostName = "host.example";
    host.bytesIn = 41;
    host.bytesOut = kMax64;
    host.bytesComplete = false;
    host.inBitsPerSecond = 42.5;
    host.outBitsPerSecond = 43.25;
    host.ratesComplete = false;
    host.connections = 4'294'967'295U;
    host.processes = {"curl", "firefox"};
    return host;
}

inline ProcessStat sampleProcess() {
    ProcessStat process;
    process.pid = 4'294'967'295U;
    process.name = "sshd";
    process.executable = "/usr/sbin/sshd";
    process.bytesIn = 51;
    process.bytesOut = 52;
    process.bytesComplete = false;
    process.inBitsPerSecond = 53.5;
    process.outBitsPerSecond = 54.5;
    process.ratesComplete = false;
    process.connections = 55;
    process.listening = 56;
    return process;
}

inline Snapshot sampleSnapshot() {
    Snapshot snapshot;
    snapshot.sequence = kMax64;
    snapshot.wallTime = std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(kWallNanoseconds)));
    snapshot.steadyTime = std::chrono::steady_clock::time_point(std::chrono::hours(5));
    snapshot.mode = MonitoringMode::Deep;
    snapshot.visibility = {true, true, true, true, true, "UDP bytes need deep mode"};
    snapshot.interfaces = {sampleInterface(), firstReadingInterface()};
    snapshot.flows = {sampleFlow(), unknownFlow()};
    HostStat unknownHost;  // reached only over UDP in basic mode
    unknownHost.address = address("2001:db8::99");
    snapshot.hosts = {sampleHost(), unknownHost};
    ProcessStat unknownProcess;
    unknownProcess.pid = 61;
    unknownProcess.name = "avahi-daemon";
    snapshot.processes = {sampleProcess(), unknownProcess};
    snapshot.hostTraffic = {{"203.0.113.0", kMax64, 71}};
    snapshot.processTraffic = {{"sshd", 72, kMax64}, {"curl", 73, 74}};
    snapshot.capture = {{"eth0", {81, 82, 83, 84, kMax64}, 85}};
    snapshot.warnings = {"interface eth1 disappeared", "ünïcödé"};
    return snapshot;
}

// Every field, by name; a field added to a model must be added here (and to the codec).
inline auto fields(const InterfaceStat& i) {
    return std::tie(i.name, i.index, i.mac, i.state, i.kind, i.isVirtual, i.speedMbps, i.addresses,
                    i.counters, i.counterBits, i.traffic);
}
inline auto fields(const FlowStat& f) {
    return std::tie(f.key, f.id, f.state, f.listening, f.uid, f.owner, f.pid, f.processName,
                    f.executable, f.service, f.remoteHostName, f.bytesIn, f.bytesOut, f.packetsIn,
                    f.packetsOut, f.inBitsPerSecond, f.outBitsPerSecond);
}
inline auto fields(const HostStat& h) {
    return std::tie(h.address, h.hostName, h.bytesIn, h.bytesOut, h.bytesComplete,
                    h.inBitsPerSecond, h.outBitsPerSecond, h.ratesComplete, h.connections,
                    h.processes);
}
inline auto fields(const ProcessStat& p) {
    return std::tie(p.pid, p.name, p.executable, p.bytesIn, p.bytesOut, p.bytesComplete,
                    p.inBitsPerSecond, p.outBitsPerSecond, p.ratesComplete, p.connections,
                    p.listening);
}
inline auto fields(const TickTraffic& t) {
    return std::tie(t.name, t.bytesIn, t.bytesOut);
}
inline auto fields(const CaptureInterfaceStats& c) {
    return std::tie(c.interfaceName, c.other.bytesIn, c.other.bytesOut, c.other.packetsIn,
                    c.other.packetsOut, c.other.malformedPackets, c.kernelDrops);
}
inline auto fields(const Visibility& v) {
    return std::tie(v.flows, v.tcpBytes, v.udpBytes, v.allProcesses, v.closedFlows, v.note);
}

template <typename T>
void expectSameList(const std::vector<T>& actual, const std::vector<T>& expected,
                    const char* what) {
    ASSERT_EQ(actual.size(), expected.size()) << what;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_TRUE(fields(actual[i]) == fields(expected[i])) << what << "[" << i << "]";
    }
}

// All but steadyTime, which does not cross processes.
inline void expectSameSnapshot(const Snapshot& actual, const Snapshot& expected) {
    EXPECT_EQ(actual.sequence, expected.sequence);
    EXPECT_EQ(actual.wallTime, expected.wallTime);
    EXPECT_EQ(actual.mode, expected.mode);
    EXPECT_TRUE(fields(actual.visibility) == fields(expected.visibility));
    expectSameList(actual.interfaces, expected.interfaces, "interfaces");
    expectSameList(actual.flows, expected.flows, "flows");
    expectSameList(actual.hosts, expected.hosts, "hosts");
    expectSameList(actual.processes, expected.processes, "processes");
    expectSameList(actual.hostTraffic, expected.hostTraffic, "host_traffic");
    expectSameList(actual.processTraffic, expected.processTraffic, "process_traffic");
    expectSameList(actual.capture, expected.capture, "capture");
    EXPECT_EQ(actual.warnings, expected.warnings);
}

}  // namespace netmon::protocol::test
