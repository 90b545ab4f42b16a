// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/tcp_transfer.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <future>
#include <stdexcept>
#include <vector>

namespace netmon::test {
namespace {

void sendAll(int fd, std::uint64_t bytes) {
    const std::vector<char> chunk(64 * 1024, 'n');
    while (bytes > 0) {
        const std::size_t part =
            static_cast<std::size_t>(std::min<std::uint64_t>(bytes, chunk.size()));
        const ssize_t sent = ::send(fd, chunk.data(), part, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) {
            continue;
        }
        if (sent <= 0) {
            throw std::runtime_error(std::string("send: ") + std::strerror(errno));
        }
        bytes -= static_cast<std::uint64_t>(sent);
    }
}

void receiveExactly(int fd, std::uint64_t bytes) {
    std::vector<char> buffer(64 * 1024);
    while (bytes > 0) {
        const std::size_t part =
            static_cast<std::size_t>(std::min<std::uint64_t>(bytes, buffer.size()));
        const ssize_t got = ::recv(fd, buffer.data(), part, 0);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            throw std::runtime_error("recv ended early");
        }
        bytes -= static_cast<std::uint64_t>(got);
    }
}

}  // namespace

NamespaceSocket listenInA(const TestNetwork& network, std::uint16_t port) {
    NamespaceSocket listener(network.nsA, SOCK_STREAM);
    bindTo(listener, network.addressA, port);
    if (::listen(listener.fd(), 16) != 0) {
        throw std::runtime_error(std::string("listen: ") + std::strerror(errno));
    }
    return listener;
}

TcpConnection::TcpConnection(const TestNetwork& network, const NamespaceSocket& listener)
    : m_client(network.nsB, SOCK_STREAM) {
    connectTo(m_client, network.addressA, localPort(listener));
    const int accepted = ::accept4(listener.fd(), nullptr, nullptr, SOCK_CLOEXEC);
    if (accepted < 0) {
        throw std::runtime_error(std::string("accept: ") + std::strerror(errno));
    }
    m_server = std::make_unique<NamespaceSocket>(accepted);
    m_clientPort = localPort(m_client);
}

void TcpConnection::transfer(std::uint64_t toServer, std::uint64_t toClient) {
    auto serverReads = std::async(std::launch::async,
                                  [this, toServer] { receiveExactly(m_server->fd(), toServer); });
    auto clientReads = std::async(std::launch::async,
                                  [this, toClient] { receiveExactly(m_client.fd(), toClient); });
    sendAll(m_client.fd(), toServer);
    sendAll(m_server->fd(), toClient);
    serverReads.get();
    clientReads.get();
}

void TcpConnection::close() {
    m_client.close();
    if (m_server) {
        m_server->close();
    }
}

}  // namespace netmon::test
