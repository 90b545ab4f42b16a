// SPDX-License-Identifier: GPL-3.0-or-later
// What one tick of the core costs: rates for N interfaces, and a whole tick with publication.
#include <benchmark/benchmark.h>

#include <random>

#include "core/aggregator.h"
#include "core/captured_flow_source.h"
#include "core/flow_pipeline.h"
#include "core/flow_tracker.h"
#include "core/monitor.h"
#include "core/rate_calculator.h"
#include "fakes/fake_clock.h"
#include "fakes/fake_flow_sources.h"
#include "fakes/fake_interface_source.h"

namespace netmon {
namespace {

std::vector<InterfaceStat> interfaces(int count, std::uint64_t base) {
    std::vector<InterfaceStat> out;
    for (int i = 0; i < count; ++i) {
        auto stat = test::makeInterface("eth" + std::to_string(i), static_cast<std::uint32_t>(i),
                                        base * static_cast<std::uint64_t>(i + 1), base, base, base);
        stat.addresses = {"192.0.2." + std::to_string(i % 250) + "/24"};
        out.push_back(std::move(stat));
    }
    return out;
}

void BM_RateCalculatorTick(benchmark::State& state) {
    const int count = static_cast<int>(state.range(0));
    RateCalculator calculator;
    auto reading = interfaces(count, 1'000);
    std::chrono::steady_clock::time_point now{};
    calculator.update(reading, now);
    std::uint64_t step = 0;
    for (auto _ : state) {
        now += std::chrono::seconds{1};
        ++step;
        for (auto& stat : reading) {
            stat.counters.rxBytes += 125'000;
            stat.counters.txBytes += step;
        }
        calculator.update(reading, now);
        benchmark::DoNotOptimize(reading.data());
    }
    state.SetItemsProcessed(state.iterations() * count);
    state.counters["interfaces"] = count;
}
BENCHMARK(BM_RateCalculatorTick)->Arg(5)->Arg(200);

// A whole tick: read (from memory), rates, snapshot built and handed to three subscribers.
void BM_MonitorTickAndPublish(benchmark::State& state) {
    const int count = static_cast<int>(state.range(0));
    auto source = std::make_unique<test::FakeInterfaceSource>();
    source->push(interfaces(count, 1'000));
    test::FakeClock clock;
    Monitor monitor(std::move(source), clock);
    std::uint64_t seen = 0;
    for (int i = 0; i < 3; ++i) {
        monitor.subscribe(
            [&seen](const Snapshot& snapshot) { seen += snapshot.interfaces.size(); });
    }
    for (auto _ : state) {
        clock.advance(std::chrono::seconds{1});
        benchmark::DoNotOptimize(monitor.tick());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["interfaces"] = count;
    benchmark::DoNotOptimize(seen);
}
BENCHMARK(BM_MonitorTickAndPublish)->Arg(5)->Arg(200);

// Flows followed across ticks and merged into hosts and processes: the connection side of a
// tick, without the OS reads. N flows to N/10 remote hosts from 50 processes.
void BM_FlowTrackingAndAggregation(benchmark::State& state) {
    const auto count = static_cast<std::size_t>(state.range(0));
    SocketReading reading;
    std::unordered_map<std::uint64_t, SocketOwner> owners;
    for (std::size_t i = 0; i < count; ++i) {
        SocketRecord record;
        record.key = {Protocol::Tcp, IpAddress::v4({192, 0, 2, 10}),
                      static_cast<std::uint16_t>(20'000 + i),
                      IpAddress::v4({198, 51, static_cast<std::uint8_t>(i / 10 % 250),
                                     static_cast<std::uint8_t>(i / 10 / 250)}),
                      443};
        record.state = "ESTABLISHED";
        record.cookie = i + 1;
        record.inode = 1'000 + i;
        record.bytesReceived = 0;
        record.bytesSent = 0;
        reading.open.push_back(record);
        SocketOwner owner;
        owner.visibility = OwnerVisibility::Known;
        owner.process.pid = static_cast<std::uint32_t>(100 + i % 50);
        owner.process.name = "process" + std::to_string(i % 50);
        owners.emplace(record.inode, owner);
    }
    FlowTracker tracker;
    Aggregator aggregator;
    std::chrono::steady_clock::time_point now{};
    for (auto _ : state) {
        now += std::chrono::seconds{1};
        for (SocketRecord& record : reading.open) {
            *record.bytesReceived += 1'500;
            *record.bytesSent += 100;
        }
        const auto& flows = tracker.update(reading, owners, now);
        aggregator.update(flows, 1.0);
        benchmark::DoNotOptimize(aggregator.hosts());
        benchmark::DoNotOptimize(aggregator.processes());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
    state.counters["flows"] = static_cast<double>(count);
}
BENCHMARK(BM_FlowTrackingAndAggregation)->Arg(1'000)->Arg(10'000);

// Deep mode under a flood of spoofed sources (bench/flood_record.sh, in memory): the engine's
// flow table stays full (N flows, each from its own remote address, one 74-byte packet each),
// and every tick a quarter of them is evicted and replaced by new ones. One tick of the whole
// pipeline: the reading turned into socket records, flows followed, hosts named from the
// resolver's cache (no worker threads: the queue stays full), summed into hosts and processes.
class FloodEngine final : public CaptureEngine {
public:
    explicit FloodEngine(std::size_t flows) : m_flows(flows) {
        for (CapturedFlow& flow : m_flows) {
            flow = next();
        }
    }
    Result<void> setInterfaces(const std::vector<std::string>& /*names*/) override { return {}; }
    Result<CaptureReading> read() override {
        for (std::size_t i = 0; i < m_flows.size() / 4; ++i) {
            m_flows[m_oldest] = next();
            m_oldest = (m_oldest + 1) % m_flows.size();
        }
        CaptureReading reading;
        reading.flows = m_flows;
        reading.interfaces.push_back({"veth0", {}, 0});
        return reading;
    }
    [[nodiscard]] std::string_view name() const override { return "flood"; }

private:
    CapturedFlow next() {
        CapturedFlow flow;
        const auto source = static_cast<std::uint32_t>(m_random());
        flow.key = {Protocol::Udp, IpAddress::v4({10, 254, 0, 2}), 9,
                    IpAddress::v4({10, static_cast<std::uint8_t>(source >> 16),
                                   static_cast<std::uint8_t>(source >> 8),
                                   static_cast<std::uint8_t>(source)}),
                    static_cast<std::uint16_t>(source >> 3)};
        flow.bytesIn = 74;
        flow.packetsIn = 1;
        return flow;
    }
    std::vector<CapturedFlow> m_flows;
    std::size_t m_oldest = 0;
    std::mt19937 m_random{42};
};

void BM_FlowPipelineUnderFlood(benchmark::State& state) {
    const auto count = static_cast<std::size_t>(state.range(0));
    HostNameResolver::Options options;
    options.workers = 0;
    auto resolver = std::make_shared<HostNameResolver>(
        options, [](const IpAddress&) -> Result<std::string> { return fail("no name"); });
    FlowPipeline pipeline(
        std::make_unique<CapturedFlowSource>(std::make_unique<FloodEngine>(count),
                                             std::make_unique<test::FakeSocketSource>()),
        std::make_unique<test::FakeProcessSource>(), resolver, MonitoringMode::Deep);
    std::chrono::steady_clock::time_point now{};
    for (auto _ : state) {
        now += std::chrono::seconds{1};
        Snapshot snapshot;
        snapshot.steadyTime = now;
        pipeline.tick(snapshot);
        benchmark::DoNotOptimize(snapshot.hosts.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
    state.counters["flows"] = static_cast<double>(count);
}
BENCHMARK(BM_FlowPipelineUnderFlood)->Arg(65'536)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace netmon

BENCHMARK_MAIN();
