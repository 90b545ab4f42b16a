// SPDX-License-Identifier: GPL-3.0-or-later
// Deep mode's eBPF engine: what one tick costs user space with 1,000 / 10,000 / 100,000 flows
// in the kernel map (the batch read alone, and the whole flow half of read(): ledger,
// CapturedFlows), and
// what the tc program costs per frame as the kernel measures it (BPF_PROG_TEST_RUN: the
// program alone, without the tc hook around it; bench/ebpf_overhead.sh measures that over a
// veth). Needs root (or CAP_BPF); skips with the reason otherwise.
#include <benchmark/benchmark.h>
#include <bpf/bpf.h>
#include <unistd.h>

#include <cstring>
#include <map>
#include <memory>
#include <string>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "capture/ebpf/flow_collector.h"
#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/flow_map_reader.h"
#include "capture/ebpf/leftover_filters.h"
#include "unit/capture/frame_builder.h"

namespace netmon::capture {
namespace {

// A loaded (not attached) flow counter whose map holds `flows` entries (capacity: a quarter
// more, rounded up as the kernel does).
struct LoadedCounter {
    std::unique_ptr<FlowCounter> counter;
    std::string skipReason;
};

LoadedCounter loadWith(std::uint32_t flows) {
    LoadedCounter made;
    if (::geteuid() != 0) {
        made.skipReason = "needs root (BPF maps and programs)";
        return made;
    }
    auto counter = FlowCounter::load(flows + flows / 4 + 16, makeLoaderStamp());
    if (!counter) {
        made.skipReason = counter.error().describe();
        return made;
    }
    made.counter = std::move(*counter);
    for (std::uint32_t i = 0; i < flows; ++i) {
        kernel::netmon_flow_key key{};
        key.ifindex = 2;
        key.tuple.family = kernel::NETMON_FAMILY_IPV4;
        key.tuple.protocol = i % 3 == 0 ? 17 : 6;
        key.tuple.local_port = static_cast<std::uint16_t>(1024 + i % 60000);
        key.tuple.remote_port = 443;
        key.tuple.local_addr[0] = 10;
        key.tuple.local_addr[3] = static_cast<std::uint8_t>(i / 60000);
        key.tuple.remote_addr[0] = 192;
        std::memcpy(&key.tuple.remote_addr[1], &i, 3);
        kernel::netmon_flow_counters value{};
        value.dir[kernel::NETMON_IN] = {1500ULL * (i + 1), i + 1ULL};
        bpf_map_update_elem(made.counter->flowMap(), &key, &value, BPF_NOEXIST);
    }
    return made;
}

LoadedCounter& loaded(std::uint32_t flows) {
    static std::map<std::uint32_t, LoadedCounter> counters;
    auto found = counters.find(flows);
    if (found == counters.end()) {
        found = counters.emplace(flows, loadWith(flows)).first;
    }
    return found->second;
}

// The kernel half of a tick: the batch lookups that copy the map out.
void readFlowMap(benchmark::State& state) {
    LoadedCounter& map = loaded(static_cast<std::uint32_t>(state.range(0)));
    if (!map.counter) {
        state.SkipWithError(map.skipReason.c_str());
        return;
    }
    FlowMapReader reader(map.counter->flowMap(), map.counter->flowCapacity());
    for (auto _ : state) {
        std::uint64_t bytes = 0;
        auto flows = reader.forEach([&](const kernel::netmon_flow_key& /*key*/,
                                        const kernel::netmon_flow_counters& counters) {
            bytes += counters.dir[0].bytes + counters.dir[1].bytes;
        });
        benchmark::DoNotOptimize(bytes);
        state.counters["flows"] = static_cast<double>(flows.value_or(0));
    }
}
BENCHMARK(readFlowMap)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The flow half of read(): the batch read, the ledger, the CapturedFlows.
void collectFlows(benchmark::State& state) {
    LoadedCounter& map = loaded(static_cast<std::uint32_t>(state.range(0)));
    if (!map.counter) {
        state.SkipWithError(map.skipReason.c_str());
        return;
    }
    FlowCollector collector(map.counter->flowMap(), map.counter->flowCapacity(), -1, 2);
    for (auto _ : state) {
        auto flows = collector.collect([](std::uint32_t) { return 0U; });
        benchmark::DoNotOptimize(flows);
        state.counters["flows"] = static_cast<double>(flows->size());
    }
}
BENCHMARK(collectFlows)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The ingress program on a 106-byte UDP frame of an existing flow, run `repeat` times by the
// kernel; its own clock gives the time per run.
void programPerFrame(benchmark::State& state) {
    LoadedCounter& map = loaded(1000);
    if (!map.counter) {
        state.SkipWithError(map.skipReason.c_str());
        return;
    }
    using namespace test;
    const Frame frame = ethernetHeader(0x0800) + ipv4Header(17, kHostB, kHostA, 8 + 64) +
                        udpHeader(5000, 6000, 8 + 64) + payload(64);
    bpf_test_run_opts opts{};
    opts.sz = sizeof opts;
    opts.data_in = frame.data();
    opts.data_size_in = static_cast<std::uint32_t>(frame.size());
    opts.repeat = 100000;
    const int program = map.counter->programs(true).ingress;
    double nanoseconds = 0;
    for (auto _ : state) {
        if (bpf_prog_test_run_opts(program, &opts) != 0) {
            state.SkipWithError("BPF_PROG_TEST_RUN failed");
            return;
        }
        nanoseconds = opts.duration;
    }
    state.counters["ns_per_frame"] = nanoseconds;
}
BENCHMARK(programPerFrame)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace netmon::capture

BENCHMARK_MAIN();
