// SPDX-License-Identifier: GPL-3.0-or-later
// bench/flood_record.sh's sender, run inside its namespace with `ip netns exec`:
//   bench_flood_sender IFACE DEST_MAC DEST_IPV4 SECONDS [RATE=0 (flat out)] [PAYLOAD=32]
// writes Ethernet/IPv4/UDP frames straight onto IFACE (an AF_PACKET socket, so no route and no
// neighbour entry is needed for the made-up sources), each from a random source address in
// 10.0.0.0/8 and a random port, to DEST_IPV4:9. Prints how many frames went out and at what rate.
// The frames never leave the namespaces the script made; nothing is sent anywhere else.
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kBatch = 64;
constexpr std::size_t kHeaders = 14 + 20 + 8;

bool parseMac(const char* text, std::array<std::uint8_t, 6>& mac) {
    unsigned int b[6];
    if (std::sscanf(text, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) != 6) {
        return false;
    }
    for (std::size_t i = 0; i < 6; ++i) {
        mac[i] = static_cast<std::uint8_t>(b[i]);
    }
    return true;
}

void put16(std::uint8_t* at, std::uint16_t value) {
    at[0] = static_cast<std::uint8_t>(value >> 8);
    at[1] = static_cast<std::uint8_t>(value & 0xff);
}

void put32(std::uint8_t* at, std::uint32_t value) {
    put16(at, static_cast<std::uint16_t>(value >> 16));
    put16(at + 2, static_cast<std::uint16_t>(value & 0xffff));
}

std::uint16_t ipChecksum(const std::uint8_t* header) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < 20; i += 2) {
        sum += static_cast<std::uint32_t>(header[i] << 8 | header[i + 1]);
    }
    while (sum >> 16) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

// A frame from `source`:`port`; the UDP checksum is 0 (none), which IPv4 allows.
void writeFrame(std::uint8_t* frame, std::size_t payload, const std::array<std::uint8_t, 6>& dst,
                const std::array<std::uint8_t, 6>& src, std::uint32_t destination,
                std::uint32_t source, std::uint16_t port) {
    std::memcpy(frame, dst.data(), 6);
    std::memcpy(frame + 6, src.data(), 6);
    put16(frame + 12, 0x0800);
    std::uint8_t* ip = frame + 14;
    std::memset(ip, 0, 20);
    ip[0] = 0x45;
    put16(ip + 2, static_cast<std::uint16_t>(20 + 8 + payload));
    ip[8] = 64;
    ip[9] = 17;
    put32(ip + 12, source);
    put32(ip + 16, destination);
    put16(ip + 10, ipChecksum(ip));
    std::uint8_t* udp = ip + 20;
    put16(udp, port);
    put16(udp + 2, 9);  // discard
    put16(udp + 4, static_cast<std::uint16_t>(8 + payload));
    put16(udp + 6, 0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s IFACE DEST_MAC DEST_IPV4 SECONDS [RATE=0] [PAYLOAD=32]\n",
                     argv[0]);
        return 2;
    }
    std::array<std::uint8_t, 6> destinationMac{};
    in_addr destination{};
    const unsigned int index = ::if_nametoindex(argv[1]);
    if (index == 0 || !parseMac(argv[2], destinationMac) ||
        ::inet_pton(AF_INET, argv[3], &destination) != 1) {
        std::fprintf(stderr, "bad interface, MAC or address\n");
        return 2;
    }
    const double seconds = std::atof(argv[4]);
    const double rate = argc > 5 ? std::atof(argv[5]) : 0;
    const std::size_t payload = argc > 6 ? std::strtoul(argv[6], nullptr, 10) : 32;
    if (payload > 1400) {
        std::fprintf(stderr, "payload at most 1400 bytes\n");
        return 2;
    }

    const int fd = ::socket(AF_PACKET, SOCK_RAW, 0);  // protocol 0: send only, receive nothing
    if (fd < 0) {
        std::perror("socket(AF_PACKET)");
        return 1;
    }
    sockaddr_ll link{};
    link.sll_family = AF_PACKET;
    link.sll_ifindex = static_cast<int>(index);
    link.sll_halen = 6;
    std::memcpy(link.sll_addr, destinationMac.data(), 6);
    const std::array<std::uint8_t, 6> sourceMac{0x02, 0, 0, 0, 0x0f, 0x01};

    const std::size_t frameSize = kHeaders + payload;
    std::vector<std::uint8_t> frames(kBatch * frameSize);
    std::array<iovec, kBatch> vectors{};
    std::array<mmsghdr, kBatch> messages{};
    for (std::size_t i = 0; i < kBatch; ++i) {
        vectors[i] = {frames.data() + i * frameSize, frameSize};
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
        messages[i].msg_hdr.msg_name = &link;
        messages[i].msg_hdr.msg_namelen = sizeof(link);
    }

    std::mt19937 random(std::random_device{}());
    const std::uint32_t to = ntohl(destination.s_addr);
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    unsigned long long sent = 0;
    while (Clock::now() < end) {
        for (std::size_t i = 0; i < kBatch; ++i) {
            // 10.0.0.0/8 minus 10.254.0.0/16 (the script's own link).
            std::uint32_t source = 0x0a000000U | (random() & 0x00ffffffU);
            if ((source & 0xffff0000U) == 0x0afe0000U) {
                source ^= 0x00010000U;
            }
            writeFrame(frames.data() + i * frameSize, payload, destinationMac, sourceMac, to,
                       source, static_cast<std::uint16_t>(1024 + random() % 60000));
        }
        const int n = ::sendmmsg(fd, messages.data(), kBatch, 0);
        if (n > 0) {
            sent += static_cast<unsigned long long>(n);
        }
        if (rate > 0) {
            const auto due =
                start + std::chrono::duration<double>(static_cast<double>(sent) / rate);
            std::this_thread::sleep_until(std::chrono::time_point_cast<Clock::duration>(due));
        }
    }
    ::close(fd);
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("sent=%llu rate=%.0f\n", sent, static_cast<double>(sent) / took);
    return 0;
}
