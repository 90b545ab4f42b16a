// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "platform/windows/windows_handles.h"

namespace netmon::test {

// The Linux kernel's counters of an interface, read through Wine's Z: drive
// (/sys/class/net/<name>/statistics): the independent truth netmon.exe is checked against.
// Nothing where there is no such file (not Wine on Linux).
struct KernelCounters {
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
    friend bool operator==(const KernelCounters&, const KernelCounters&) = default;
};
std::optional<KernelCounters> kernelCounters(const std::string& interfaceName);

// A Winsock socket, closed on destruction.
class Socket {
public:
    Socket() = default;
    explicit Socket(SOCKET socket) : m_socket(socket) {}
    ~Socket();
    Socket(Socket&& other) noexcept;
    Socket& operator=(Socket&& other) noexcept;
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    [[nodiscard]] SOCKET get() const { return m_socket; }
    [[nodiscard]] std::uint16_t localPort() const;

private:
    SOCKET m_socket = INVALID_SOCKET;
};

// Sends `count` datagrams of `payload` bytes from one UDP socket to another on 127.0.0.1 and
// receives them all; each adds count × (payload + 8 UDP + 20 IPv4) bytes and count packets to
// lo's counters both ways (Linux counts lo's frames after taking off its Ethernet header).
void sendLoopbackDatagrams(int count, int payload);

// A TCP listener on 127.0.0.1 and one connection to it: client and accepted sides.
struct TcpPair {
    Socket listener;
    Socket client;
    Socket server;
};
TcpPair openTcpPair();

}  // namespace netmon::test
