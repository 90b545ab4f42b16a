// SPDX-License-Identifier: GPL-3.0-or-later
// The two halves of bench/pcap_max_rate.sh, run inside its namespaces with `ip netns exec`:
//   bench_pcap_rate capture IFACE SECONDS PORT [user-direction]
//       binds a UDP socket on PORT (never read: no ICMP errors come back), runs the libpcap
//       engine on IFACE for SECONDS, and prints one line: frames and bytes counted in, kernel
//       drops, and the process's CPU seconds.
//   bench_pcap_rate send ADDRESS PORT RATE SECONDS SIZE
//       sends SIZE-byte UDP datagrams at RATE per second (0: as fast as it can) for SECONDS and
//       prints how many it sent.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "capture/pcap/pcap_capture_engine.h"

namespace {

using Clock = std::chrono::steady_clock;

double cpuSeconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

sockaddr_in endpoint(const char* address, int port) {
    sockaddr_in out{};
    out.sin_family = AF_INET;
    out.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, address, &out.sin_addr);
    return out;
}

int capture(const std::string& interface, int seconds, int port, bool userDirection) {
    const int sink = ::socket(AF_INET, SOCK_DGRAM, 0);
    const sockaddr_in any = endpoint("0.0.0.0", port);
    ::bind(sink, reinterpret_cast<const sockaddr*>(&any), sizeof any);
    netmon::capture::PcapCaptureOptions options;
    options.kernelDirectionFilter = !userDirection;
    auto engine = netmon::capture::makePcapCaptureEngine(options);
    if (auto attached = engine->setInterfaces({interface}); !attached) {
        std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const double cpuBefore = cpuSeconds();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    std::this_thread::sleep_for(std::chrono::milliseconds(400));  // the last ring blocks
    auto reading = engine->read();
    const double cpu = cpuSeconds() - cpuBefore;
    std::uint64_t packets = 0, bytes = 0, drops = 0;
    for (const auto& flow : reading->flows) {
        packets += flow.packetsIn;
        bytes += flow.bytesIn;
    }
    for (const auto& stats : reading->interfaces) {
        packets += stats.other.packetsIn;
        bytes += stats.other.bytesIn;
        drops += stats.kernelDrops;
    }
    std::printf("packets_in=%llu bytes_in=%llu kernel_drops=%llu cpu_s=%.3f\n",
                static_cast<unsigned long long>(packets), static_cast<unsigned long long>(bytes),
                static_cast<unsigned long long>(drops), cpu);
    ::close(sink);
    return 0;
}

int send(const char* address, int port, long rate, int seconds, int size) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    const sockaddr_in target = endpoint(address, port);
    ::connect(fd, reinterpret_cast<const sockaddr*>(&target), sizeof target);
    const std::vector<char> payload(static_cast<std::size_t>(size), 'r');
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    long sent = 0;
    for (auto now = start; now < end; now = Clock::now()) {
        // Pace in bursts of up to 64: send what the rate allows by now.
        const double elapsed = std::chrono::duration<double>(now - start).count();
        const long due =
            rate > 0 ? static_cast<long>(elapsed * static_cast<double>(rate)) : sent + 64;
        if (due <= sent) {
            std::this_thread::sleep_for(std::chrono::microseconds(50));
            continue;
        }
        for (long i = 0; i < std::min(due - sent, 64L);) {
            if (::send(fd, payload.data(), payload.size(), 0) >= 0) {
                ++i;
                ++sent;
            }
        }
    }
    std::printf("sent=%ld\n", sent);
    ::close(fd);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "capture" && argc >= 5) {
        return capture(argv[2], std::atoi(argv[3]), std::atoi(argv[4]),
                       argc > 5 && std::string(argv[5]) == "user-direction");
    }
    if (mode == "send" && argc == 7) {
        return send(argv[2], std::atoi(argv[3]), std::atol(argv[4]), std::atoi(argv[5]),
                    std::atoi(argv[6]));
    }
    std::fprintf(stderr,
                 "usage: bench_pcap_rate capture IFACE SECONDS PORT [user-direction]\n"
                 "       bench_pcap_rate send ADDRESS PORT RATE SECONDS SIZE\n");
    return 2;
}
