// SPDX-License-Identifier: GPL-3.0-or-later
// One full reading of every interface's counters, by each way Linux offers. Run it inside a
// namespace with many links to see the scaling, e.g.:
//   ip netns add nmtbench; for i in $(seq 200); do ip -n nmtbench link add nmtd$i type dummy; done
//   ip netns exec nmtbench bench_platform_linux; ip netns del nmtbench
#include <benchmark/benchmark.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/sources/interface_source.h"
#include "platform/linux/netlink_link_parser.h"
#include "platform/linux/netlink_socket.h"
#include "platform/linux/proc_interface_reader.h"
#include "platform/linux/proc_net_dev_parser.h"
#include "platform/linux/text_file.h"
#include "platform/source_factories.h"

namespace {

using namespace netmon;
using namespace netmon::linux_platform;

template <typename T>
ByteSpan asBytes(const T& value) {
    return std::as_bytes(std::span<const T, 1>(&value, 1));
}

NetlinkSocket openSocket() {
    auto socket = NetlinkSocket::open();
    if (!socket) {
        throw std::runtime_error(socket.error().message);
    }
    return std::move(*socket);
}

// What the monitor calls each tick: links + addresses over netlink, plus sysfs extras.
void interfaceSourceRead(benchmark::State& state) {
    auto source = makeInterfaceSource();
    std::size_t interfaces = 0;
    for (auto _ : state) {
        auto result = source->read();
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        interfaces = result->size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["interfaces"] = static_cast<double>(interfaces);
}
BENCHMARK(interfaceSourceRead);

// Counters and identity only: one RTM_GETLINK dump and its parse.
void netlinkGetLink(benchmark::State& state) {
    NetlinkSocket socket = openSocket();
    const ifinfomsg request{};
    for (auto _ : state) {
        auto reply = socket.dump(RTM_GETLINK, asBytes(request));
        auto links = reply ? parseLinkMessages(*reply) : tl::unexpected(reply.error());
        if (!links) {
            state.SkipWithError(links.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(links);
    }
}
BENCHMARK(netlinkGetLink);

// Counters alone: RTM_GETSTATS with only IFLA_STATS_LINK_64 (messages split, not decoded).
void netlinkGetStats(benchmark::State& state) {
    NetlinkSocket socket = openSocket();
    if_stats_msg request{};
    request.filter_mask = 1U << (IFLA_STATS_LINK_64 - 1);
    for (auto _ : state) {
        auto reply = socket.dump(RTM_GETSTATS, asBytes(request));
        auto messages = reply ? splitMessages(*reply) : tl::unexpected(reply.error());
        if (!messages) {
            state.SkipWithError(messages.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(messages);
    }
}
BENCHMARK(netlinkGetStats);

// Counters alone from /proc/net/dev: read and parse.
void procNetDev(benchmark::State& state) {
    for (auto _ : state) {
        auto text = readTextFile("/proc/net/dev", 16 * 1024);
        auto entries = text ? parseProcNetDev(*text) : tl::unexpected(text.error());
        if (!entries) {
            state.SkipWithError(entries.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(entries);
    }
}
BENCHMARK(procNetDev);

// The fallback reader: /proc/net/dev plus sysfs identity per interface.
void procFallbackRead(benchmark::State& state) {
    for (auto _ : state) {
        auto result = readInterfacesFromProc();
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(procFallbackRead);

// Counters alone from sysfs: the eight statistics files per interface.
void sysfsStatistics(benchmark::State& state) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator("/sys/class/net")) {
        names.push_back(entry.path().filename().string());
    }
    constexpr const char* files[] = {"rx_bytes",  "tx_bytes",  "rx_packets", "tx_packets",
                                     "rx_errors", "tx_errors", "rx_dropped", "tx_dropped"};
    for (auto _ : state) {
        for (const std::string& name : names) {
            for (const char* file : files) {
                auto text = readTextFile("/sys/class/net/" + name + "/statistics/" + file);
                benchmark::DoNotOptimize(text);
            }
        }
    }
    state.counters["interfaces"] = static_cast<double>(names.size());
}
BENCHMARK(sysfsStatistics);

}  // namespace

BENCHMARK_MAIN();
