// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace netmon::test {

// A socket created inside a named network namespace. A socket belongs to the namespace it was
// made in, whichever thread uses it later, so only its creation happens on a thread that
// entered the namespace. Closed on destruction.
class NamespaceSocket {
public:
    NamespaceSocket(const std::string& ns, int type);  // SOCK_STREAM or SOCK_DGRAM, IPv4
    ~NamespaceSocket();
    NamespaceSocket(NamespaceSocket&& other) noexcept;
    NamespaceSocket& operator=(NamespaceSocket&&) = delete;
    NamespaceSocket(const NamespaceSocket&) = delete;
    NamespaceSocket& operator=(const NamespaceSocket&) = delete;

    explicit NamespaceSocket(int fd) : m_fd(fd) {}  // adopts an accepted socket
    [[nodiscard]] int fd() const { return m_fd; }
    void close();

private:
    int m_fd = -1;
};

// sockaddr_in helpers that throw with the reason on failure.
void bindTo(const NamespaceSocket& socket, const std::string& address, std::uint16_t port);
void connectTo(const NamespaceSocket& socket, const std::string& address, std::uint16_t port);
std::uint16_t localPort(const NamespaceSocket& socket);

}  // namespace netmon::test
