// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/linux/unique_fd.h"

// Sockets on loopback for the socket-table tests and benchmarks: a listener, a connected
// pair, exact transfers. Every call throws with the reason when the OS refuses.
namespace netmon::test {

using linux_platform::UniqueFd;

[[noreturn]] inline void socketFailure(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

// "127.0.0.1", "::1", "::" …; port 0 lets the kernel choose.
inline sockaddr_storage socketAddress(const std::string& text, std::uint16_t port,
                                      socklen_t& length) {
    sockaddr_storage storage{};
    sockaddr_in v4{};
    sockaddr_in6 v6{};
    if (::inet_pton(AF_INET, text.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(port);
        std::memcpy(&storage, &v4, sizeof(v4));
        length = sizeof(v4);
    } else if (::inet_pton(AF_INET6, text.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(port);
        std::memcpy(&storage, &v6, sizeof(v6));
        length = sizeof(v6);
    } else {
        throw std::runtime_error("not an address: " + text);
    }
    return storage;
}

inline UniqueFd boundSocket(int type, const std::string& address, std::uint16_t port = 0) {
    socklen_t length = 0;
    const sockaddr_storage where = socketAddress(address, port, length);
    UniqueFd fd(::socket(where.ss_family, type | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        socketFailure("socket");
    }
    if (where.ss_family == AF_INET6) {
        const int dualStack = 0;  // "::" also accepts IPv4, as v4-mapped addresses
        ::setsockopt(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, &dualStack, sizeof(dualStack));
    }
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&where), length) != 0) {
        socketFailure("bind " + address);
    }
    return fd;
}

inline UniqueFd listeningSocket(const std::string& address, int backlog = 128) {
    UniqueFd fd = boundSocket(SOCK_STREAM, address);
    if (::listen(fd.get(), backlog) != 0) {
        socketFailure("listen");
    }
    return fd;
}

inline std::uint16_t localPort(int fd) {
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) {
        socketFailure("getsockname");
    }
    std::uint16_t port = 0;  // sin_port and sin6_port sit at the same offset
    std::memcpy(&port, reinterpret_cast<const char*>(&storage) + offsetof(sockaddr_in, sin_port),
                sizeof(port));
    return ntohs(port);
}

inline void connectTo(int fd, const std::string& address, std::uint16_t port) {
    socklen_t length = 0;
    const sockaddr_storage where = socketAddress(address, port, length);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&where), length) != 0) {
        socketFailure("connect " + address + ":" + std::to_string(port));
    }
}

struct TcpPair {
    UniqueFd client;
    UniqueFd server;
};

// Connects from `clientAddress` to a listener at `serverAddress` and accepts.
inline TcpPair connectedPair(int listener, const std::string& clientAddress,
                             const std::string& serverAddress) {
    TcpPair pair{boundSocket(SOCK_STREAM, clientAddress), {}};
    connectTo(pair.client.get(), serverAddress, localPort(listener));
    pair.server = UniqueFd(::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC));
    if (!pair.server.valid()) {
        socketFailure("accept");
    }
    return pair;
}

inline void sendAll(int fd, std::uint64_t bytes) {
    const std::vector<char> chunk(64 * 1024, 'n');
    while (bytes > 0) {
        const std::size_t now = std::min<std::uint64_t>(bytes, chunk.size());
        const ssize_t sent = ::send(fd, chunk.data(), now, MSG_NOSIGNAL);
        if (sent < 0 && errno != EINTR) {
            socketFailure("send");
        }
        bytes -= sent > 0 ? static_cast<std::uint64_t>(sent) : 0;
    }
}

// Reads until `bytes` arrived (or, with `untilEnd`, until the peer's FIN); returns the count.
inline std::uint64_t receive(int fd, std::uint64_t bytes, bool untilEnd = false) {
    std::vector<char> chunk(64 * 1024);
    std::uint64_t got = 0;
    while (untilEnd || got < bytes) {
        const ssize_t n = ::recv(fd, chunk.data(), chunk.size(), 0);
        if (n == 0) {
            break;
        }
        if (n < 0 && errno != EINTR) {
            socketFailure("recv");
        }
        got += n > 0 ? static_cast<std::uint64_t>(n) : 0;
    }
    return got;
}

// Sends without blocking until the socket buffers of both ends are full; returns the count.
inline std::uint64_t sendUntilFull(int fd) {
    const std::vector<char> chunk(64 * 1024, 'f');
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t sent = ::send(fd, chunk.data(), chunk.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (sent > 0) {
            total += static_cast<std::uint64_t>(sent);
            continue;
        }
        if (errno == EAGAIN) {
            pollfd writable{fd, POLLOUT, 0};
            if (::poll(&writable, 1, 200) == 0) {
                return total;  // nothing drained for 200 ms: the peer's window is closed
            }
            continue;
        }
        if (errno != EINTR) {
            socketFailure("send");
        }
    }
}

inline std::uint64_t inodeOf(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        socketFailure("fstat");
    }
    return info.st_ino;
}

inline std::uint64_t cookieOf(int fd) {
    std::uint64_t cookie = 0;
    socklen_t length = sizeof(cookie);
    if (::getsockopt(fd, SOL_SOCKET, SO_COOKIE, &cookie, &length) != 0) {
        socketFailure("SO_COOKIE");
    }
    return cookie;
}

}  // namespace netmon::test
