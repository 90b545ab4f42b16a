// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopback_traffic.h"

#include <fstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "platform/windows/winsock_session.h"

namespace netmon::test {
namespace {

std::optional<std::uint64_t> readNumber(const std::string& path) {
    std::ifstream in(path);
    std::uint64_t value = 0;
    if (!(in >> value)) {
        return std::nullopt;
    }
    return value;
}

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = ::htonl(INADDR_LOOPBACK);
    address.sin_port = ::htons(port);
    return address;
}

Socket bound(int type, int protocol) {
    if (!windows_platform::ensureWinsock()) {
        throw std::runtime_error("Winsock did not start");
    }
    Socket socket(::socket(AF_INET, type, protocol));
    const sockaddr_in address = loopback(0);
    if (socket.get() == INVALID_SOCKET ||
        ::bind(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        throw std::runtime_error("cannot bind a loopback socket");
    }
    return socket;
}

}  // namespace

std::optional<KernelCounters> kernelCounters(const std::string& interfaceName) {
    const std::string base = "Z:\\sys\\class\\net\\" + interfaceName + "\\statistics\\";
    const auto rxBytes = readNumber(base + "rx_bytes");
    const auto txBytes = readNumber(base + "tx_bytes");
    const auto rxPackets = readNumber(base + "rx_packets");
    const auto txPackets = readNumber(base + "tx_packets");
    if (!rxBytes || !txBytes || !rxPackets || !txPackets) {
        return std::nullopt;
    }
    return KernelCounters{*rxBytes, *txBytes, *rxPackets, *txPackets};
}

Socket::~Socket() {
    if (m_socket != INVALID_SOCKET) {
        ::closesocket(m_socket);
    }
}

Socket::Socket(Socket&& other) noexcept : m_socket(std::exchange(other.m_socket, INVALID_SOCKET)) {}

Socket& Socket::operator=(Socket&& other) noexcept {
    if (this != &other) {
        if (m_socket != INVALID_SOCKET) {
            ::closesocket(m_socket);
        }
        m_socket = std::exchange(other.m_socket, INVALID_SOCKET);
    }
    return *this;
}

std::uint16_t Socket::localPort() const {
    sockaddr_in address{};
    int length = sizeof address;
    ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length);
    return ::ntohs(address.sin_port);
}

void sendLoopbackDatagrams(int count, int payload) {
    const Socket receiver = bound(SOCK_DGRAM, IPPROTO_UDP);
    const Socket sender = bound(SOCK_DGRAM, IPPROTO_UDP);
    const sockaddr_in to = loopback(receiver.localPort());
    std::vector<char> bytes(static_cast<std::size_t>(payload), 'x');
    std::vector<char> into(static_cast<std::size_t>(payload) + 1);
    for (int i = 0; i < count; ++i) {
        if (::sendto(sender.get(), bytes.data(), payload, 0, reinterpret_cast<const sockaddr*>(&to),
                     sizeof to) != payload) {
            throw std::runtime_error("sendto failed");
        }
        if (::recv(receiver.get(), into.data(), static_cast<int>(into.size()), 0) != payload) {
            throw std::runtime_error("recv failed");
        }
    }
}

TcpPair openTcpPair() {
    TcpPair pair;
    pair.listener = bound(SOCK_STREAM, IPPROTO_TCP);
    if (::listen(pair.listener.get(), 4) != 0) {
        throw std::runtime_error("listen failed");
    }
    pair.client = bound(SOCK_STREAM, IPPROTO_TCP);
    const sockaddr_in to = loopback(pair.listener.localPort());
    if (::connect(pair.client.get(), reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0) {
        throw std::runtime_error("connect failed");
    }
    pair.server = Socket(::accept(pair.listener.get(), nullptr, nullptr));
    if (pair.server.get() == INVALID_SOCKET) {
        throw std::runtime_error("accept failed");
    }
    return pair;
}

}  // namespace netmon::test
