// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/sock_diag_destroy_listener.h"

#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace netmon::linux_platform {
namespace {

constexpr std::size_t kBufferSize = 64 * 1024;  // one notification is well under 1 KiB

constexpr std::uint32_t group(unsigned number) {
    return 1U << (number - 1);
}

}  // namespace

tl::expected<SockDiagDestroyListener, SockDiagDestroyListener::OpenError>
SockDiagDestroyListener::open(int receiveBufferBytes) {
    UniqueFd fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_SOCK_DIAG));
    if (!fd.valid()) {
        return tl::unexpected(OpenError{
            Error{std::string("cannot open a NETLINK_SOCK_DIAG socket: ") + std::strerror(errno),
                  {}},
            false});
    }
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    local.nl_groups = group(SKNLGRP_INET_TCP_DESTROY) | group(SKNLGRP_INET_UDP_DESTROY) |
                      group(SKNLGRP_INET6_TCP_DESTROY) | group(SKNLGRP_INET6_UDP_DESTROY);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&local), sizeof(local)) != 0) {
        const int error = errno;
        return tl::unexpected(
            OpenError{Error{std::string("cannot subscribe to socket destroy notifications: ") +
                                std::strerror(error),
                            "closed connections' final bytes need CAP_NET_ADMIN (run as root, or "
                            "sudo setcap cap_net_admin+ep $(command -v netmon))"},
                      error == EPERM || error == EACCES});
    }
    // SO_RCVBUFFORCE passes the rmem_max limit where CAP_NET_ADMIN allows; else up to it.
    if (::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUFFORCE, &receiveBufferBytes,
                     sizeof(receiveBufferBytes)) != 0) {
        ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes,
                     sizeof(receiveBufferBytes));
    }
    SockDiagDestroyListener listener(std::move(fd));
    listener.m_buffer.resize(kBufferSize);
    return listener;
}

Result<std::vector<SockDiagEntry>> SockDiagDestroyListener::drain(std::size_t most) {
    std::vector<SockDiagEntry> closed;
    while (closed.size() < most) {
        sockaddr_nl sender{};
        socklen_t senderLength = sizeof(sender);
        const ssize_t got = ::recvfrom(m_fd.get(), m_buffer.data(), m_buffer.size(), MSG_TRUNC,
                                       reinterpret_cast<sockaddr*>(&sender), &senderLength);
        if (got < 0) {
            if (errno == EAGAIN) {  // == EWOULDBLOCK on Linux
                return closed;
            }
            if (errno == ENOBUFS) {
                ++m_overruns;  // the queue overflowed; what is still queued is read on
                continue;
            }
            if (errno == EINTR) {
                continue;
            }
            return fail(std::string("cannot read socket destroy notifications: ") +
                        std::strerror(errno));
        }
        const auto length = static_cast<std::size_t>(got);
        if (sender.nl_pid != 0 || length > m_buffer.size()) {
            m_unreadable += sender.nl_pid != 0 ? 0 : 1;  // only the kernel sends these
            continue;
        }
        // Destroy notifications carry INET_DIAG_PROTOCOL, so no protocol is assumed.
        auto entries = parseSockDiagMessages(ByteSpan(m_buffer).first(length), std::nullopt);
        if (!entries) {
            ++m_unreadable;
            continue;
        }
        for (SockDiagEntry& entry : *entries) {
            closed.push_back(std::move(entry));
        }
    }
    return closed;
}

}  // namespace netmon::linux_platform
