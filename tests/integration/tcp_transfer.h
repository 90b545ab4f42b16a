// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>

#include "integration/namespace_socket.h"
#include "integration/test_network.h"

namespace netmon::test {

// A TCP connection from namespace b (client) to a listener in namespace a (server), owned by
// this test process, that moves exact byte counts each way.
class TcpConnection {
public:
    // Listens on addressA:port (if not already listening) and connects from b.
    TcpConnection(const TestNetwork& network, const NamespaceSocket& listener);

    // Sends `toServer` bytes client→server and `toClient` server→client; returns once each
    // side has read everything the other sent.
    void transfer(std::uint64_t toServer, std::uint64_t toClient);
    // Closes both ends (client first), like a finished download.
    void close();
    [[nodiscard]] std::uint16_t clientPort() const { return m_clientPort; }

private:
    NamespaceSocket m_client;
    std::unique_ptr<NamespaceSocket> m_server;
    std::uint16_t m_clientPort = 0;
};

// A listening TCP socket in namespace a on `port`.
NamespaceSocket listenInA(const TestNetwork& network, std::uint16_t port);

}  // namespace netmon::test
