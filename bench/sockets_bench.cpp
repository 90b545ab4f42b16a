// SPDX-License-Identifier: GPL-3.0-or-later
// What one connections tick costs with 10,000 TCP sockets on loopback (5,000 connected pairs
// this program makes, plus what the machine has): the socket table with tcp_info, the owners
// of every socket from a warm cache, both together, and a cold owner scan. Run as:
//   bench_sockets --benchmark_counters_tabular=true
// The open-file limit is raised for the pairs; as root it can go past the hard limit.
#include <benchmark/benchmark.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"
#include "fakes/loopback_sockets.h"
#include "platform/linux/netlink_socket.h"
#include "platform/linux/sock_diag_parser.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

constexpr int kPairs = 5'000;

// The pairs live until the program ends.
struct Connections {
    linux_platform::UniqueFd listener;
    std::vector<test::TcpPair> pairs;
};

const Connections& connections() {
    static const Connections made = [] {
        rlimit limit{};
        ::getrlimit(RLIMIT_NOFILE, &limit);
        const rlim_t wanted = 2 * kPairs + 1'024;
        limit.rlim_cur = std::max(limit.rlim_cur, wanted);
        limit.rlim_max = std::max(limit.rlim_max, wanted);
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {  // not root: up to the hard limit
            ::getrlimit(RLIMIT_NOFILE, &limit);
            limit.rlim_cur = limit.rlim_max;
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
        ::getrlimit(RLIMIT_NOFILE, &limit);
        Connections out;
        out.listener = test::listeningSocket("127.0.0.1", 4'096);
        const int pairs = static_cast<int>(std::min<rlim_t>(kPairs, (limit.rlim_cur - 64) / 2));
        for (int i = 0; i < pairs; ++i) {
            out.pairs.push_back(test::connectedPair(out.listener.get(), "127.0.0.1", "127.0.0.1"));
            test::sendAll(out.pairs.back().client.get(), 100);  // counters that are not zero
        }
        std::printf("%d connected pairs on loopback (%d TCP sockets of this process)\n", pairs,
                    2 * pairs + 1);
        return out;
    }();
    return made;
}

std::vector<SocketQuery> queriesOf(const SocketReading& reading) {
    std::vector<SocketQuery> queries;
    queries.reserve(reading.open.size());
    for (const SocketRecord& record : reading.open) {
        queries.push_back({record.inode, record.uid});
    }
    return queries;
}

SocketReading readOrSkip(SocketSource& source, benchmark::State& state) {
    auto reading = source.read();
    if (!reading) {
        state.SkipWithError(reading.error().message.c_str());
        return {};
    }
    return std::move(*reading);
}

// The whole socket table: four SOCK_DIAG_BY_FAMILY dumps, TCP with tcp_info, payload worked
// out per socket.
void BM_SocketTableRead(benchmark::State& state) {
    connections();
    auto source = makeSocketSource();
    std::size_t sockets = 0;
    for (auto _ : state) {
        const SocketReading reading = readOrSkip(*source, state);
        sockets = reading.open.size();
        benchmark::DoNotOptimize(reading.open.data());
    }
    state.counters["sockets"] = static_cast<double>(sockets);
}
BENCHMARK(BM_SocketTableRead)->Unit(benchmark::kMillisecond)->UseRealTime();

// Only the TCP IPv4 dump and its parse, without (0) and with (1) tcp_info, for comparison
// with docs' targets ("10,000 TCP sockets: inet_diag 3.8 ms, with tcp_info 4.9 ms").
void BM_TcpDumpAndParse(benchmark::State& state) {
    connections();
    auto socket = linux_platform::NetlinkSocket::open(linux_platform::NetlinkProtocol::SockDiag);
    if (!socket) {
        state.SkipWithError(socket.error().message.c_str());
        return;
    }
    inet_diag_req_v2 request{};
    request.sdiag_family = AF_INET;
    request.sdiag_protocol = IPPROTO_TCP;
    request.idiag_states = ~0U;
    request.idiag_ext = state.range(0) != 0 ? 1U << (INET_DIAG_INFO - 1) : 0;
    std::size_t sockets = 0;
    for (auto _ : state) {
        const auto reply = socket->dump(
            SOCK_DIAG_BY_FAMILY, std::as_bytes(std::span<const inet_diag_req_v2, 1>(&request, 1)));
        const auto entries = reply ? linux_platform::parseSockDiagMessages(*reply, Protocol::Tcp)
                                   : tl::unexpected(reply.error());
        if (!entries) {
            state.SkipWithError(entries.error().message.c_str());
            return;
        }
        sockets = entries->size();
        benchmark::DoNotOptimize(entries->data());
    }
    state.counters["sockets"] = static_cast<double>(sockets);
}
BENCHMARK(BM_TcpDumpAndParse)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The owners of every socket of a reading, from a warm cache (the usual tick).
void BM_OwnersWarm(benchmark::State& state) {
    connections();
    auto sockets = makeSocketSource();
    const auto queries = queriesOf(readOrSkip(*sockets, state));
    auto owners = makeProcessSource();
    owners->owners(queries);
    std::size_t known = 0;
    for (auto _ : state) {
        const auto result = owners->owners(queries);
        known = static_cast<std::size_t>(std::count_if(
            result.begin(), result.end(),
            [](const auto& item) { return item.second.visibility == OwnerVisibility::Known; }));
    }
    state.counters["queries"] = static_cast<double>(queries.size());
    state.counters["known"] = static_cast<double>(known);
}
BENCHMARK(BM_OwnersWarm)->Unit(benchmark::kMillisecond)->UseRealTime();

// A first call: every process of the machine read, every fd of this one.
void BM_OwnersCold(benchmark::State& state) {
    connections();
    auto sockets = makeSocketSource();
    const auto queries = queriesOf(readOrSkip(*sockets, state));
    for (auto _ : state) {
        auto owners = makeProcessSource();
        benchmark::DoNotOptimize(owners->owners(queries));
    }
    state.counters["queries"] = static_cast<double>(queries.size());
}
BENCHMARK(BM_OwnersCold)->Unit(benchmark::kMillisecond)->UseRealTime();

// One connections tick: the table, then the owners (warm).
void BM_ConnectionsTick(benchmark::State& state) {
    connections();
    auto sockets = makeSocketSource();
    auto owners = makeProcessSource();
    owners->owners(queriesOf(readOrSkip(*sockets, state)));
    for (auto _ : state) {
        const SocketReading reading = readOrSkip(*sockets, state);
        benchmark::DoNotOptimize(owners->owners(queriesOf(reading)));
    }
}
BENCHMARK(BM_ConnectionsTick)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace netmon
BENCHMARK_MAIN();
