// SPDX-License-Identifier: GPL-3.0-or-later
// The tc programs of flow_counter.bpf.c run by the kernel (BPF_PROG_TEST_RUN) on frames written
// byte by byte, with the libpcap engine's parser as the reference: a frame the parser reads
// must land on the same oriented flow key with its whole length, one it refuses in the same
// "other" kind. Also: the compiled programs' BTF has the layout the C++ side reads. Needs root
// (or CAP_BPF): skips and says why otherwise.
#include <bpf/bpf.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

// libbpf's inline BTF helpers use C casts.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#include <bpf/btf.h>
#pragma GCC diagnostic pop

#include "capture/ebpf/ebpf_capture_engine.h"
#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/flow_map_reader.h"
#include "capture/ebpf/kernel_records.h"
#include "capture/ebpf/leftover_filters.h"
#include "capture/ebpf/libbpf_log.h"
#include "capture/flow_table.h"
#include "support/machine_checks.h"
#include "unit/capture/parser_fuzz_input.h"

namespace netmon::capture::test {
namespace {

constexpr std::uint32_t kLoopback = 1;  // test runs happen on the namespace's lo

struct Outcome {
    std::vector<KernelFlow> flows;
    kernel::netmon_interface_counters other{};
};

class EbpfProgram : public ::testing::Test {
protected:
    void SetUp() override {
        // Skipped only where the machine says no (not root, no BTF), never on the engine's
        // own probe: a probe that wrongly refused would otherwise pass as a skip.
        if (const auto reason = netmon::test::ebpfUnavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        m_stamp = makeLoaderStamp();
        auto loaded = FlowCounter::load(1024, m_stamp);
        ASSERT_TRUE(loaded) << loaded.error().describe();
        m_counter = std::move(*loaded);
    }
    void TearDown() override { retireLoaderStamp(m_stamp); }

    // Runs one direction's program on `frame` and returns what it counted (then clears it).
    Outcome run(const Frame& frame, TrafficDirection direction, bool ethernet = true) {
        const FlowCounter::Programs programs = m_counter->programs(ethernet);
        bpf_test_run_opts opts{};
        opts.sz = sizeof opts;
        opts.data_in = frame.data();
        opts.data_size_in = static_cast<std::uint32_t>(frame.size());
        opts.repeat = 1;
        const int program = direction == TrafficDirection::In ? programs.ingress : programs.egress;
        EXPECT_EQ(bpf_prog_test_run_opts(program, &opts), 0) << std::strerror(errno);
        Outcome outcome;
        outcome.flows = readAllFlows(m_counter->flowMap()).value();
        outcome.other = readInterfaceCounters(m_counter->interfaceMap(), kLoopback).value();
        for (const KernelFlow& flow : outcome.flows) {
            takeFlow(m_counter->flowMap(), flow.key);
        }
        bpf_map_delete_elem(m_counter->interfaceMap(), &kLoopback);
        return outcome;
    }

    // The program and the parser agree on `frame`, in both directions.
    void expectLikeParser(PacketParser& parser, const Frame& frame, const std::string& what,
                          bool ethernet = true) {
        const ParsedPacket parsed =
            parser.parse(Bytes(frame), static_cast<std::uint32_t>(frame.size()));
        for (const TrafficDirection direction : {TrafficDirection::In, TrafficDirection::Out}) {
            const int dir =
                direction == TrafficDirection::In ? kernel::NETMON_IN : kernel::NETMON_OUT;
            const Outcome outcome = run(frame, direction, ethernet);
            const kernel::netmon_counter whole{frame.size(), 1};
            const auto same = [](const kernel::netmon_counter& a, const kernel::netmon_counter& b) {
                return a.bytes == b.bytes && a.packets == b.packets;
            };
            if (parsed.status == ParseStatus::Ok) {
                ASSERT_EQ(outcome.flows.size(), 1u) << what;
                const KernelFlow& flow = outcome.flows[0];
                EXPECT_EQ(flow.key.ifindex, kLoopback) << what;
                EXPECT_EQ(flowKeyOf(flow.key.tuple), orientedKey(parsed, direction)) << what;
                EXPECT_TRUE(same(flow.counters.dir[dir], whole)) << what;
                EXPECT_EQ(flow.counters.dir[1 - dir].packets, 0u) << what;
                EXPECT_EQ(
                    unflowedOf(outcome.other).packetsIn + unflowedOf(outcome.other).packetsOut, 0u)
                    << what;
            } else {
                EXPECT_TRUE(outcome.flows.empty()) << what;
                const bool nonIp = parsed.status == ParseStatus::NonIp;
                EXPECT_TRUE(
                    same((nonIp ? outcome.other.non_ip : outcome.other.malformed)[dir], whole))
                    << what << " (" << (nonIp ? "non-IP" : "malformed") << " expected)";
            }
        }
    }

    kernel::netmon_loader m_stamp{};
    std::unique_ptr<FlowCounter> m_counter;
};

TEST_F(EbpfProgram, CountsTheCorpusFramesLikeTheParser) {
    // One parser per link type through the whole corpus: both remember first fragments.
    PacketParser ethernetParser(LinkType::Ethernet);
    PacketParser rawParser(LinkType::RawIp);
    for (const CorpusEntry& entry : parserCorpus()) {
        const FuzzInput input = decodeFuzzInput(entry.input.data(), entry.input.size());
        const bool ethernet = input.linkType == LinkType::Ethernet;
        if ((!ethernet && input.linkType != LinkType::RawIp) ||
            input.wireLength != input.captured.size() || input.captured.size() < 14) {
            continue;  // the kernel always has the whole frame, and no cooked headers
        }
        expectLikeParser(ethernet ? ethernetParser : rawParser,
                         Frame(input.captured.begin(), input.captured.end()), entry.name, ethernet);
    }
}

TEST_F(EbpfProgram, EdgeCasesMatchTheParser) {
    const Frame udp = udpHeader(1000, 2000, 8 + 10) + payload(10);
    const Frame ip4udp = ipv4Header(17, kHostA, kHostB, udp.size()) + udp;
    Frame nineExtensions;
    for (int i = 0; i < 9; ++i) {
        nineExtensions = nineExtensions + ipv6Options(i == 8 ? 17 : 60);
    }
    nineExtensions = nineExtensions + udp;
    const std::vector<std::pair<std::string, Frame>> frames{
        {"one VLAN tag", ethernetHeader(0x8100) + vlanTag(7, 0x0800) + ip4udp},
        {"four VLAN tags", ethernetHeader(0x8100) + vlanTag(1, 0x8100) + vlanTag(2, 0x8100) +
                               vlanTag(3, 0x8100) + vlanTag(4, 0x0800) + ip4udp},
        {"802.3 length field", ethernetHeader(0x0040) + payload(64)},
        {"padded to 60 bytes", ethernetHeader(0x0800) + ip4udp + payload(60 - 14 - 38)},
        {"total length past the frame",
         ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 0, 1, 0, {}, 200) + udp},
        {"total length 0 (TSO)",
         ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 0, 1, 0, {}, 0) + udp},
        {"TCP data offset 4",
         ethernetHeader(0x0800) + ipv4Header(6, kHostA, kHostB, 20) + tcpHeader(1, 2, 4)},
        {"UDP length 7",
         ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 8) + udpHeader(1, 2, 7)},
        {"ICMP cut short", ethernetHeader(0x0800) + ipv4Header(1, kHostA, kHostB, 2) + payload(2)},
        {"GRE (no ports)", ethernetHeader(0x0800) + ipv4Header(47, kHostA, kHostB, 8) + payload(8)},
        {"IPv6, nine extension headers",
         ethernetHeader(0x86dd) +
             ipv6Header(60, kHost6A, kHost6B, static_cast<std::uint16_t>(nineExtensions.size())) +
             nineExtensions},
        {"IPv6 TCP",
         ethernetHeader(0x86dd) + ipv6Header(6, kHost6A, kHost6B, 20) + tcpHeader(443, 50000)},
    };
    for (const auto& [what, frame] : frames) {
        PacketParser parser(LinkType::Ethernet);
        expectLikeParser(parser, frame, what);
    }
}

TEST_F(EbpfProgram, LaterFragmentsCountUnderTheFirstFragmentsPorts) {
    PacketParser parser(LinkType::Ethernet);
    const Frame first = ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 24, 77, 0x2000) +
                        udpHeader(4000, 5000, 48) + payload(16);
    const Frame later =
        ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 24, 77, 3) + payload(24);
    const Frame unknown =
        ethernetHeader(0x0800) + ipv4Header(17, kHostA, kHostB, 24, 78, 3) + payload(24);
    expectLikeParser(parser, first, "first fragment");
    expectLikeParser(parser, later, "later fragment");
    expectLikeParser(parser, unknown, "fragment of an unseen datagram (ports 0)");
    const Frame first6 = ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 24) +
                         ipv6Fragment(17, 0, true, 99) + udpHeader(7, 8, 100) + payload(8);
    const Frame later6 = ethernetHeader(0x86dd) + ipv6Header(44, kHost6A, kHost6B, 24) +
                         ipv6Fragment(17, 2, false, 99) + payload(16);
    expectLikeParser(parser, first6, "first IPv6 fragment");
    expectLikeParser(parser, later6, "later IPv6 fragment");
}

// The reader walks the map a batch at a time: a map many batches full is read whole, each
// entry once with its own counters, written here from user space.
TEST(EbpfFlowMapReader, ReadsAMapManyBatchesFullEntryByEntry) {
    if (const auto reason = netmon::test::ebpfUnavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    constexpr std::uint32_t kEntries = 20000;  // several of the reader's batches
    kernel::netmon_loader stamp = makeLoaderStamp();
    auto loaded = FlowCounter::load(kEntries, stamp);
    ASSERT_TRUE(loaded) << loaded.error().describe();
    const int map = (*loaded)->flowMap();
    const auto keyOf = [](std::uint32_t i) {
        kernel::netmon_flow_key key{};
        key.ifindex = 1 + i % 7;
        key.tuple.family = kernel::NETMON_FAMILY_IPV4;
        key.tuple.protocol = 17;
        key.tuple.local_port = static_cast<std::uint16_t>(i);
        key.tuple.remote_port = static_cast<std::uint16_t>(i >> 16);
        std::memcpy(key.tuple.remote_addr, &i, sizeof i);
        return key;
    };
    for (std::uint32_t i = 0; i < kEntries; ++i) {
        const kernel::netmon_flow_key key = keyOf(i);
        kernel::netmon_flow_counters counters{};
        counters.dir[kernel::NETMON_IN] = {1000ULL + i, i};
        counters.dir[kernel::NETMON_OUT] = {7ULL * i, 1};
        ASSERT_EQ(bpf_map_update_elem(map, &key, &counters, BPF_NOEXIST), 0) << i;
    }

    FlowMapReader reader(map, kEntries);
    for (int pass = 0; pass < 2; ++pass) {  // the second reuses the reader's batch
        std::vector<int> seen(kEntries, 0);
        std::size_t wrong = 0;
        const auto visited = reader.forEach(
            [&](const kernel::netmon_flow_key& key, const kernel::netmon_flow_counters& counters) {
                std::uint32_t i = 0;
                std::memcpy(&i, key.tuple.remote_addr, sizeof i);
                const kernel::netmon_flow_key expected = keyOf(i);
                if (i >= kEntries || std::memcmp(&key, &expected, sizeof key) != 0 ||
                    counters.dir[kernel::NETMON_IN].bytes != 1000ULL + i ||
                    counters.dir[kernel::NETMON_IN].packets != i ||
                    counters.dir[kernel::NETMON_OUT].bytes != 7ULL * i) {
                    ++wrong;
                    return;
                }
                ++seen[i];
            });
        ASSERT_TRUE(visited) << visited.error().describe();
        EXPECT_EQ(*visited, kEntries);
        EXPECT_EQ(wrong, 0u);
        EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), kEntries);
    }
    loaded->reset();
    retireLoaderStamp(stamp);
}

// A verifier refusal is quoted from the end of its log, where the reason is.
TEST(EbpfLoadErrors, TheVerifierLogIsQuotedFromItsEnd) {
    const std::vector<std::string> messages{
        "libbpf: prog 'netmon_in_eth': BPF program load failed: Permission denied",
        "libbpf: prog 'netmon_in_eth': -- BEGIN PROG LOAD LOG --",
        "0: R1=ctx() R10=fp0",
        "; int netmon_in_eth(struct __sk_buff* skb) {",
        "12: (61) r2 = *(u32 *)(r3 +0)",
        "invalid access to packet, off=0 size=4, R3(id=0,off=0,r=0)",
        "processed 13 insns (limit 1000000) max_states_per_insn 0 total_states 1",
        "-- END PROG LOAD LOG --",
        "libbpf: prog 'netmon_in_eth': failed to load: -13",
        "libbpf: failed to load object 'flow_counter_bpf'",
    };
    EXPECT_EQ(verifierLogTail(messages, 2),
              "invalid access to packet, off=0 size=4, R3(id=0,off=0,r=0)\n"
              "processed 13 insns (limit 1000000) max_states_per_insn 0 total_states 1");
    EXPECT_EQ(verifierLogTail(messages, 100).substr(0, 19), "0: R1=ctx() R10=fp0");
    EXPECT_EQ(verifierLogTail({"libbpf: map 'x': failed to create: -1"}, 5), "");
}

// The structs as clang laid them out in the compiled programs (their BTF) against the C++ view.
TEST(EbpfProgramLayout, TheCompiledProgramsSeeTheSameStructsAsUserSpace) {
    struct Expected {
        const char* name;
        std::size_t size;
        const char* member;
        std::size_t offset;
    };
    const Expected expected[] = {
        {"netmon_tuple", sizeof(kernel::netmon_tuple), "remote_addr",
         offsetof(kernel::netmon_tuple, remote_addr)},
        {"netmon_flow_key", sizeof(kernel::netmon_flow_key), "tuple",
         offsetof(kernel::netmon_flow_key, tuple)},
        {"netmon_flow_counters", sizeof(kernel::netmon_flow_counters), "dir", 0},
        {"netmon_interface_counters", sizeof(kernel::netmon_interface_counters), "overflow",
         offsetof(kernel::netmon_interface_counters, overflow)},
        {"netmon_loader", sizeof(kernel::netmon_loader), "instance",
         offsetof(kernel::netmon_loader, instance)},
    };
    for (const char* object : {NETMON_BPF_OBJECT_DIR "/flow_counter.bpf.o",
                               NETMON_BPF_OBJECT_DIR "/socket_owners.bpf.o"}) {
        btf* types = btf__parse(object, nullptr);
        ASSERT_NE(types, nullptr) << object;
        for (const Expected& want : expected) {
            const int id = btf__find_by_name_kind(types, want.name, BTF_KIND_STRUCT);
            if (id < 0) {
                continue;  // not used by this object
            }
            EXPECT_EQ(btf__resolve_size(types, id), static_cast<long>(want.size)) << want.name;
            const btf_type* type = btf__type_by_id(types, id);
            bool found = false;
            for (int i = 0; i < btf_vlen(type); ++i) {
                const btf_member* member = btf_members(type) + i;
                if (std::string(btf__name_by_offset(types, member->name_off)) == want.member) {
                    EXPECT_EQ(btf_member_bit_offset(type, i) / 8, want.offset) << want.name;
                    found = true;
                }
            }
            EXPECT_TRUE(found) << want.name << "." << want.member;
        }
        EXPECT_GE(btf__find_by_name_kind(types, "netmon_owner_key", BTF_KIND_STRUCT) +
                      btf__find_by_name_kind(types, "netmon_flow_key", BTF_KIND_STRUCT),
                  0)
            << object;
        btf__free(types);
    }
}

}  // namespace
}  // namespace netmon::capture::test
