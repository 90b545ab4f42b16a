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

#include "fakes/loopback_sockets.h"

namespace netmon::test {

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
    auto serverReads =
        std::async(std::launch::async, [this, toServer] { receive(m_server->fd(), toServer); });
    auto clientReads =
        std::async(std::launch::async, [this, toClient] { receive(m_client.fd(), toClient); });
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
