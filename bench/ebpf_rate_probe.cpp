// SPDX-License-Identifier: GPL-3.0-or-later
// The two halves of bench/ebpf_overhead.sh, run inside its namespaces with `ip netns exec`:
//   bench_ebpf_rate listen SECONDS PORT [--no-owners | --empty] [IFACE...]
//       binds a UDP sink on PORT (0: none; never read, so no ICMP errors come back), runs the
//       eBPF engine on the IFACEs (none: no engine, the baseline) for SECONDS, then prints per
//       interface what the engine counted (flows + other) next to the interface's own
//       counters over the same time, and whether they are equal. --empty attaches a program
//       that does nothing instead of the engine: the cost of the tc hook itself.
//   bench_ebpf_rate flood ADDRESS PORT SECONDS SIZE
//       sends SIZE-byte UDP datagrams as fast as it can (sendmmsg, 64 per call) for SECONDS
//       and prints how many went out and the CPU time it took (the veth's receive path runs
//       in the sender's context, so that includes a's ingress).
#include <arpa/inet.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "capture/ebpf/ebpf_capture_engine.h"

namespace {

using Clock = std::chrono::steady_clock;

sockaddr_in endpoint(const char* address, int port) {
    sockaddr_in out{};
    out.sin_family = AF_INET;
    out.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, address, &out.sin_addr);
    return out;
}

double cpuSeconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

unsigned long long counter(const std::string& interface, const std::string& name) {
    std::ifstream file("/sys/class/net/" + interface + "/statistics/" + name);
    unsigned long long value = 0;
    file >> value;
    return value;
}

struct Totals {
    unsigned long long rxPackets = 0, rxBytes = 0, txPackets = 0, txBytes = 0, txDropped = 0;
};

Totals kernelTotals(const std::string& interface) {
    return {counter(interface, "rx_packets"), counter(interface, "rx_bytes"),
            counter(interface, "tx_packets"), counter(interface, "tx_bytes"),
            counter(interface, "tx_dropped")};
}

// "return TC_ACT_UNSPEC" as a tc filter on ingress and egress of `interface`, for calibration;
// removed by the destructor.
class EmptyProgram {
public:
    explicit EmptyProgram(const std::string& interface) {
        libbpf_set_print(nullptr);  // "Exclusivity flag on" when the qdisc exists: expected
        const bpf_insn code[] = {
            {BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, -1},  // r0 = TC_ACT_UNSPEC
            {BPF_JMP | BPF_EXIT, 0, 0, 0, 0},
        };
        m_program = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "netmon_empty", "GPL", code, 2, nullptr);
        m_hook.sz = sizeof m_hook;
        m_hook.ifindex = static_cast<int>(::if_nametoindex(interface.c_str()));
        m_hook.attach_point = BPF_TC_INGRESS;
        bpf_tc_hook_create(&m_hook);
        for (const auto point : {BPF_TC_INGRESS, BPF_TC_EGRESS}) {
            m_hook.attach_point = point;
            bpf_tc_opts opts{};
            opts.sz = sizeof opts;
            opts.prog_fd = m_program;
            opts.handle = 0x4e45;
            opts.priority = 1;
            bpf_tc_attach(&m_hook, &opts);
        }
    }
    ~EmptyProgram() {
        for (const auto point : {BPF_TC_INGRESS, BPF_TC_EGRESS}) {
            m_hook.attach_point = point;
            bpf_tc_opts opts{};
            opts.sz = sizeof opts;
            opts.handle = 0x4e45;
            opts.priority = 1;
            bpf_tc_detach(&m_hook, &opts);
        }
        ::close(m_program);
    }
    EmptyProgram(const EmptyProgram&) = delete;
    EmptyProgram& operator=(const EmptyProgram&) = delete;

private:
    int m_program = -1;
    bpf_tc_hook m_hook{};
};

int listen(int seconds, int port, bool owners, bool empty,
           const std::vector<std::string>& interfaces) {
    const int sink = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (port > 0) {
        const sockaddr_in any = endpoint("0.0.0.0", port);
        ::bind(sink, reinterpret_cast<const sockaddr*>(&any), sizeof any);
    }
    std::unique_ptr<netmon::CaptureEngine> engine;
    std::vector<std::unique_ptr<EmptyProgram>> emptyPrograms;
    std::vector<Totals> before;
    if (empty) {
        for (const std::string& interface : interfaces) {
            emptyPrograms.push_back(std::make_unique<EmptyProgram>(interface));
        }
    } else if (!interfaces.empty()) {
        netmon::capture::EbpfOptions options;
        options.processAttribution = owners;
        auto made = netmon::capture::makeEbpfCaptureEngine(options);
        if (!made) {
            std::fprintf(stderr, "%s\n", made.error().describe().c_str());
            return 1;
        }
        engine = std::move(*made);
        if (auto attached = engine->setInterfaces(interfaces); !attached) {
            std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
            return 1;
        }
    }
    for (const std::string& interface : interfaces) {
        before.push_back(kernelTotals(interface));
    }
    std::printf("ready\n");
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    if (engine) {
        auto reading = engine->read();
        if (!reading) {
            std::fprintf(stderr, "%s\n", reading.error().describe().c_str());
            return 1;
        }
        for (std::size_t i = 0; i < interfaces.size(); ++i) {
            Totals counted;  // every flow here is on this interface (one per namespace)
            for (const auto& flow : reading->flows) {
                counted.rxPackets += flow.packetsIn;
                counted.rxBytes += flow.bytesIn;
                counted.txPackets += flow.packetsOut;
                counted.txBytes += flow.bytesOut;
            }
            for (const auto& stats : reading->interfaces) {
                if (stats.interfaceName == interfaces[i]) {
                    counted.rxPackets += stats.other.packetsIn;
                    counted.rxBytes += stats.other.bytesIn;
                    counted.txPackets += stats.other.packetsOut;
                    counted.txBytes += stats.other.bytesOut;
                }
            }
            const Totals after = kernelTotals(interfaces[i]);
            const Totals kernel{
                after.rxPackets - before[i].rxPackets, after.rxBytes - before[i].rxBytes,
                after.txPackets - before[i].txPackets, after.txBytes - before[i].txBytes,
                after.txDropped - before[i].txDropped};
            const bool exact =
                counted.rxPackets == kernel.rxPackets && counted.rxBytes == kernel.rxBytes &&
                counted.txPackets == kernel.txPackets && counted.txBytes == kernel.txBytes;
            std::printf(
                "interface=%s counted_rx=%llu/%llu kernel_rx=%llu/%llu counted_tx=%llu/%llu "
                "kernel_tx=%llu/%llu tx_dropped=%llu exact=%s\n",
                interfaces[i].c_str(), counted.rxPackets, counted.rxBytes, kernel.rxPackets,
                kernel.rxBytes, counted.txPackets, counted.txBytes, kernel.txPackets,
                kernel.txBytes, kernel.txDropped, exact ? "yes" : "no");
        }
        for (const auto& warning : reading->warnings) {
            std::printf("warning=%s\n", warning.c_str());
        }
    }
    ::close(sink);
    return 0;
}

int flood(const char* address, int port, int seconds, int size) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    const sockaddr_in target = endpoint(address, port);
    ::connect(fd, reinterpret_cast<const sockaddr*>(&target), sizeof target);
    std::vector<char> payload(static_cast<std::size_t>(size), 'f');
    constexpr unsigned kBatch = 64;
    std::vector<iovec> vectors(kBatch, iovec{payload.data(), payload.size()});
    std::vector<mmsghdr> messages(kBatch);
    for (unsigned i = 0; i < kBatch; ++i) {
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    const auto end = Clock::now() + std::chrono::seconds(seconds);
    const double cpuBefore = cpuSeconds();
    unsigned long long sent = 0;
    while (Clock::now() < end) {
        const int n = ::sendmmsg(fd, messages.data(), kBatch, 0);
        if (n > 0) {
            sent += static_cast<unsigned>(n);
        }
    }
    std::printf("sent=%llu cpu_s=%.3f\n", sent, cpuSeconds() - cpuBefore);
    ::close(fd);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "listen" && argc >= 4) {
        bool owners = true;
        bool empty = false;
        std::vector<std::string> interfaces;
        for (int i = 4; i < argc; ++i) {
            if (std::string(argv[i]) == "--no-owners") {
                owners = false;
            } else if (std::string(argv[i]) == "--empty") {
                empty = true;
            } else {
                interfaces.emplace_back(argv[i]);
            }
        }
        return listen(std::atoi(argv[2]), std::atoi(argv[3]), owners, empty, interfaces);
    }
    if (mode == "flood" && argc == 6) {
        return flood(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]));
    }
    std::fprintf(stderr,
                 "usage: bench_ebpf_rate listen SECONDS PORT [--no-owners | --empty] [IFACE...]\n"
                 "       bench_ebpf_rate flood ADDRESS PORT SECONDS SIZE\n");
    return 2;
}
