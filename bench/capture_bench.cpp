// SPDX-License-Identifier: GPL-3.0-or-later
// Deep mode in user space: packets parsed per second on one core for a realistic mix of frames
// (headers cut to a 256-byte snaplen, as the libpcap engine captures them), and flow table
// updates per second. Target: over 20 M parsed packets/s.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "capture/flow_table.h"
#include "capture/packet_parser.h"
#include "unit/capture/frame_builder.h"

namespace netmon::capture {
namespace {

using namespace test;

struct CapturedFrame {
    Frame bytes;         // what the capture holds (≤ 256 bytes)
    std::uint32_t wire;  // the frame's length on the wire
};

CapturedFrame cut(const Frame& whole) {
    const std::size_t captured = std::min<std::size_t>(whole.size(), 256);
    return {Frame(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(captured)),
            static_cast<std::uint32_t>(whole.size())};
}

// Shares like a desktop's traffic: mostly TCP (bulk and ACKs), some UDP (DNS, QUIC), IPv6, a
// VLAN, ICMP and ARP. 4096 frames with 256 distinct flows, in a fixed shuffled order.
std::vector<CapturedFrame> frameMix() {
    constexpr int kFrames = 4096;
    std::vector<CapturedFrame> frames;
    std::mt19937 random(42);
    for (int i = 0; i < kFrames; ++i) {
        const auto port = static_cast<std::uint16_t>(40000 + i % 256);
        const int kind = static_cast<int>(random() % 100);
        Frame frame;
        if (kind < 40) {  // TCP bulk data, 1448 bytes of payload
            frame = ethernetHeader(0x0800) + ipv4Header(6, kHostB, kHostA, 32 + 1448) +
                    tcpHeader(443, port, 8) + payload(1448);
        } else if (kind < 60) {  // TCP ACKs
            frame = ethernetHeader(0x0800) + ipv4Header(6, kHostA, kHostB, 32) +
                    tcpHeader(port, 443, 8);
        } else if (kind < 75) {  // UDP: QUIC and DNS
            frame = ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 8 + 1200) +
                    udpHeader(port, 443, 8 + 1200) + payload(1200);
        } else if (kind < 90) {  // IPv6 TCP
            frame = ethernetHeader(0x86dd) + ipv6Header(6, kHost6B, kHost6A, 32 + 1200) +
                    tcpHeader(443, port, 8) + payload(1200);
        } else if (kind < 95) {  // 802.1Q-tagged UDP
            frame = ethernetHeader(0x8100) + vlanTag(10, 0x0800) +
                    ipv4Header(17, kHostA, kHostB, 8 + 100) + udpHeader(port, 53, 108) +
                    payload(100);
        } else if (kind < 98) {  // ICMP echo
            frame = ethernetHeader(0x0800) + ipv4Header(1, kHostA, kHostB, 64) + icmpEcho(8) +
                    payload(56);
        } else {  // ARP
            frame = ethernetHeader(0x0806) + payload(28);
        }
        frames.push_back(cut(frame));
    }
    return frames;
}

void BM_ParsePacketMix(benchmark::State& state) {
    const std::vector<CapturedFrame> frames = frameMix();
    PacketParser parser(LinkType::Ethernet);
    std::size_t next = 0;
    for (auto _ : state) {
        const CapturedFrame& frame = frames[next];
        next = (next + 1) % frames.size();
        ParsedPacket packet = parser.parse(Bytes(frame.bytes), frame.wire);
        benchmark::DoNotOptimize(packet);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParsePacketMix);

// Parse, orient and count: what the capture thread does per frame (minus libpcap).
void BM_ParseAndCount(benchmark::State& state) {
    const std::vector<CapturedFrame> frames = frameMix();
    PacketParser parser(LinkType::Ethernet);
    FlowTable table;
    std::size_t next = 0;
    for (auto _ : state) {
        const CapturedFrame& frame = frames[next];
        next = (next + 1) % frames.size();
        table.countPacket(0, parser.parse(Bytes(frame.bytes), frame.wire),
                          next % 2 == 0 ? TrafficDirection::In : TrafficDirection::Out);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["flows"] = static_cast<double>(table.size());
}
BENCHMARK(BM_ParseAndCount);

FlowKey keyFor(std::uint32_t i) {
    FlowKey key;
    key.protocol = Protocol::Tcp;
    key.localAddress = IpAddress::v4(
        {10, static_cast<std::uint8_t>(i >> 24), static_cast<std::uint8_t>(i >> 16 & 0xff), 1});
    key.localPort = static_cast<std::uint16_t>(i & 0xffff);
    key.remoteAddress = IpAddress::v4(kHostB);
    key.remotePort = 443;
    return key;
}

// Updates of existing flows: range(0) flows, counted round robin.
void BM_FlowTableUpdate(benchmark::State& state) {
    const auto flowCount = static_cast<std::uint32_t>(state.range(0));
    std::vector<FlowKey> keys;
    for (std::uint32_t i = 0; i < flowCount; ++i) {
        keys.push_back(keyFor(i));
    }
    FlowTable table;
    std::size_t next = 0;
    for (auto _ : state) {
        table.count(0, keys[next], TrafficDirection::In, 1514);
        next = next + 1 == keys.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FlowTableUpdate)->Arg(100)->Arg(10'000);

// Every frame a new flow in a full 65,536-flow table: the eviction path (a tick every 4096).
void BM_FlowTableNewFlowsWithEviction(benchmark::State& state) {
    FlowTable table;
    std::uint32_t next = 0;
    for (auto _ : state) {
        table.count(0, keyFor(next), TrafficDirection::In, 60);
        if (++next % 4096 == 0) {
            table.endTick();
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["evicted"] = static_cast<double>(table.evictedTotal());
}
BENCHMARK(BM_FlowTableNewFlowsWithEviction);

// A full table of active flows (65,536, each seen every tick) taking 1 M packets a second, of
// which range(0) open a new flow: ns per packet. Eviction must not scan the table, so 100,000
// new flows a second cost about what 100 do (each new flow finds the table full: it evicts an
// idle flow early in a tick, and goes to "other" once every flow was seen in it).
void BM_FlowTableFullOfActiveFlows(benchmark::State& state) {
    constexpr std::uint32_t kPacketsPerTick = 1'000'000;
    constexpr auto kFlows = static_cast<std::uint32_t>(kDefaultFlowCapacity);
    const std::uint32_t newEvery = kPacketsPerTick / static_cast<std::uint32_t>(state.range(0));
    FlowTable table;
    for (std::uint32_t i = 0; i < kFlows; ++i) {
        table.count(0, keyFor(i), TrafficDirection::In, 60);
    }
    std::uint32_t packet = 0;
    std::uint32_t fresh = kFlows;
    for (auto _ : state) {
        if (packet % newEvery == 0) {
            table.count(0, keyFor(fresh++), TrafficDirection::In, 60);
        } else {
            table.count(0, keyFor(packet % kFlows), TrafficDirection::In, 1514);
        }
        if (++packet == kPacketsPerTick) {
            packet = 0;
            table.endTick();
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["new_flows_per_s"] = static_cast<double>(state.range(0));
    state.counters["evicted"] = static_cast<double>(table.evictedTotal());
}
BENCHMARK(BM_FlowTableFullOfActiveFlows)->Arg(100)->Arg(100'000);

}  // namespace
}  // namespace netmon::capture

BENCHMARK_MAIN();
