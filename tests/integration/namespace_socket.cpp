// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/namespace_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <utility>

namespace netmon::test {
namespace {

sockaddr_in endpoint(const std::string& address, std::uint16_t port) {
    sockaddr_in out{};
    out.sin_family = AF_INET;
    out.sin_port = htons(port);
    if (::inet_pton(AF_INET, address.c_str(), &out.sin_addr) != 1) {
        throw std::runtime_error("bad IPv4 address " + address);
    }
    return out;
}

}  // namespace

NamespaceSocket::NamespaceSocket(const std::string& ns, int type) {
    std::string failure;
    std::thread maker([&] {
        const int nsFd = ::open(("/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
        if (nsFd < 0 || ::setns(nsFd, CLONE_NEWNET) != 0) {
            failure = "cannot enter namespace " + ns + ": " + std::strerror(errno);
        } else {
            m_fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
            if (m_fd < 0) {
                failure = std::string("socket: ") + std::strerror(errno);
            }
        }
        if (nsFd >= 0) {
            ::close(nsFd);
        }
    });
    maker.join();  // the thread, still in the namespace, ends here
    if (!failure.empty()) {
        throw std::runtime_error(failure);
    }
}

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
    const sockaddr_in local = endpoint(address, port);
    const int reuse = 1;
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
    if (::bind(socket.fd(), reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0) {
        throw std::runtime_error("bind " + address + ":" + std::to_string(port) + ": " +
                                 std::strerror(errno));
    }
}

void connectTo(const NamespaceSocket& socket, const std::string& address, std::uint16_t port) {
    const sockaddr_in remote = endpoint(address, port);
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&remote), sizeof remote) != 0) {
        throw std::runtime_error("connect " + address + ":" + std::to_string(port) + ": " +
                                 std::strerror(errno));
    }
}

std::uint16_t localPort(const NamespaceSocket& socket) {
    sockaddr_in local{};
    socklen_t length = sizeof local;
    ::getsockname(socket.fd(), reinterpret_cast<sockaddr*>(&local), &length);
    return ntohs(local.sin_port);
}

}  // namespace netmon::test
