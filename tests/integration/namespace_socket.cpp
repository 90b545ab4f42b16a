// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/namespace_socket.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "fakes/loopback_sockets.h"
#include "support/network_namespace.h"

namespace netmon::test {

NamespaceSocket::NamespaceSocket(const std::string& ns, int type)
    : m_fd(inNetworkNamespace(ns, [type] {
          const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
          if (fd < 0) {
              throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
          }
          return fd;
      })) {}

NamespaceSocket::~NamespaceSocket() {
    close();
}

NamespaceSocket::NamespaceSocket(NamespaceSocket&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)) {}

void NamespaceSocket::close() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void bindTo(const NamespaceSocket& socket, const std::string& address, std::uint16_t port) {
    socklen_t length = 0;
    const sockaddr_storage local = socketAddress(address, port, length);
    const int reuse = 1;
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
    if (::bind(socket.fd(), reinterpret_cast<const sockaddr*>(&local), length) != 0) {
        socketFailure("bind " + address + ":" + std::to_string(port));
    }
}

void connectTo(const NamespaceSocket& socket, const std::string& address, std::uint16_t port) {
    connectTo(socket.fd(), address, port);
}

std::uint16_t localPort(const NamespaceSocket& socket) {
    return localPort(socket.fd());
}

}  // namespace netmon::test
