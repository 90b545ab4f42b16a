// SPDX-License-Identifier: GPL-3.0-or-later
// What the history database costs: ingest rows per second, and the queries the CLI and the GUI
// run (30 days hourly, 30 days per minute, usage). Run: build/bench/bench_storage
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_dir.h"
#include "core/clock.h"
#include "history_prefill.h"
#include "storage/database_file.h"
#include "storage/history_reader.h"
#include "storage/history_writer.h"
#include "storage/sample_store.h"
#include "storage/time_buckets.h"

namespace {

namespace fs = std::filesystem;
using namespace netmon::storage;
using std::chrono::seconds;

using netmon::bench::benchDir;
using netmon::bench::interfaceName;
using netmon::bench::kDays;
using netmon::bench::kInterfaces;
using netmon::bench::prefilledHistory;

SampleStore freshStore(const std::string& name) {
    const fs::path path = benchDir().path() / name;
    fs::remove(path);
    std::vector<std::string> warnings;
    auto connection = openDatabaseForWriting(path, netmon::SystemClock::instance(), warnings);
    if (!connection) {
        throw std::runtime_error(connection.error().error.describe());
    }
    auto store = SampleStore::create(std::move(*connection));
    if (!store) {
        throw std::runtime_error(store.error().describe());
    }
    return std::move(*store);
}

// `ticks` one-second ticks of every interface, starting at `start`.
std::vector<InterfaceSample> ticks(TimePoint start, int count) {
    std::vector<InterfaceSample> samples;
    samples.reserve(static_cast<std::size_t>(count) * kInterfaces);
    for (int tick = 0; tick < count; ++tick) {
        for (int iface = 0; iface < kInterfaces; ++iface) {
            samples.push_back(InterfaceSample{interfaceName(iface), start + seconds(tick),
                                              std::chrono::milliseconds(1000), 125'000, 12'500, 90,
                                              40});
        }
    }
    return samples;
}

// One transaction per call of `ticksPerBatch` ticks of 5 interfaces, through the same code the
// writer thread runs (SampleStore::write), without the thread hand-off. Rates use wall time
// (UseRealTime): the disk's share of the work is not CPU time of this thread.
void ingest(benchmark::State& state, int ticksPerBatch) {
    SampleStore store = freshStore("ingest-" + std::to_string(ticksPerBatch) + ".db");
    TimePoint next = std::chrono::system_clock::now();
    std::int64_t rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto interfaceTicks = ticks(next, ticksPerBatch);
        const std::vector<Sample> batch(interfaceTicks.begin(), interfaceTicks.end());
        next += seconds(ticksPerBatch);
        state.ResumeTiming();
        if (auto written = store.write(batch); !written) {
            state.SkipWithError(written.error().describe().c_str());
            break;
        }
        rows += static_cast<std::int64_t>(batch.size());
    }
    state.SetItemsProcessed(rows);
    state.counters["rows_per_txn"] = ticksPerBatch * kInterfaces;
}

void BM_IngestOneTickPerTransaction(benchmark::State& state) {
    ingest(state, 1);
}
BENCHMARK(BM_IngestOneTickPerTransaction)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_Ingest1000RowsPerTransaction(benchmark::State& state) {
    ingest(state, 200);
}
BENCHMARK(BM_Ingest1000RowsPerTransaction)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The whole path `netmon record` takes per tick: append() then flush() (thread hand-off, one
// transaction). append() alone is what the sampling thread pays.
void BM_WriterAppendAndFlushOneTick(benchmark::State& state) {
    const fs::path path = benchDir().path() / "writer.db";
    fs::remove(path);
    std::vector<std::string> warnings;
    HistoryWriter::Options options;
    options.path = path;
    auto writer = HistoryWriter::open(options, warnings);
    if (!writer) {
        state.SkipWithError(writer.error().describe().c_str());
        return;
    }
    TimePoint next = std::chrono::system_clock::now();
    for (auto _ : state) {
        (*writer)->append(ticks(next, 1));
        next += seconds(1);
        if (auto flushed = (*writer)->flush(); !flushed) {
            state.SkipWithError(flushed.error().describe().c_str());
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * kInterfaces);
}
BENCHMARK(BM_WriterAppendAndFlushOneTick)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_WriterAppendOneTick(benchmark::State& state) {
    const fs::path path = benchDir().path() / "append.db";
    fs::remove(path);
    std::vector<std::string> warnings;
    HistoryWriter::Options options;
    options.path = path;
    auto writer = HistoryWriter::open(options, warnings);
    if (!writer) {
        state.SkipWithError(writer.error().describe().c_str());
        return;
    }
    TimePoint next = std::chrono::system_clock::now();
    for (auto _ : state) {
        state.PauseTiming();
        auto batch = ticks(next, 1);
        next += seconds(1);
        state.ResumeTiming();
        (*writer)->append(std::move(batch));
    }
    state.SetItemsProcessed(state.iterations() * kInterfaces);
}
BENCHMARK(BM_WriterAppendOneTick)->Unit(benchmark::kMicrosecond);

void query(benchmark::State& state, Resolution resolution, std::chrono::hours span,
           std::optional<std::string> interfaceName = {}) {
    const auto& history = prefilledHistory();
    auto reader = HistoryReader::open(history.path);
    if (!reader) {
        state.SkipWithError(reader.error().describe().c_str());
        return;
    }
    const HistoryQuery request{std::move(interfaceName), history.now - span, history.now,
                               resolution};
    std::size_t rows = 0;
    for (auto _ : state) {
        auto result = (*reader)->query(request);
        if (!result) {
            state.SkipWithError(result.error().describe().c_str());
            break;
        }
        rows = result->size();
        benchmark::DoNotOptimize(result->data());
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
}

constexpr std::chrono::hours k30Days{24 * kDays};

void BM_Query30DaysHourly(benchmark::State& state) {
    query(state, Resolution::Hour, k30Days);
}
BENCHMARK(BM_Query30DaysHourly)->Unit(benchmark::kMillisecond);

void BM_Query30DaysHourlyOneInterface(benchmark::State& state) {
    query(state, Resolution::Hour, k30Days, "eth0");
}
BENCHMARK(BM_Query30DaysHourlyOneInterface)->Unit(benchmark::kMillisecond);

void BM_Query30DaysPerMinute(benchmark::State& state) {
    query(state, Resolution::Minute, k30Days);
}
BENCHMARK(BM_Query30DaysPerMinute)->Unit(benchmark::kMillisecond);

void BM_Query30DaysDaily(benchmark::State& state) {
    query(state, Resolution::Day, k30Days);
}
BENCHMARK(BM_Query30DaysDaily)->Unit(benchmark::kMillisecond);

void BM_QueryLastHourRaw(benchmark::State& state) {
    query(state, Resolution::Raw, std::chrono::hours(1));
}
BENCHMARK(BM_QueryLastHourRaw)->Unit(benchmark::kMillisecond);

void BM_UsageTodayAndMonth(benchmark::State& state) {
    const auto& history = prefilledHistory();
    auto reader = HistoryReader::open(history.path);
    if (!reader) {
        state.SkipWithError(reader.error().describe().c_str());
        return;
    }
    for (auto _ : state) {
        auto totals = (*reader)->usage(history.now);
        if (!totals) {
            state.SkipWithError(totals.error().describe().c_str());
            break;
        }
        benchmark::DoNotOptimize(totals->data());
    }
}
BENCHMARK(BM_UsageTodayAndMonth)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
