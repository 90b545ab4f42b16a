// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_socket.h"

#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace netmon::linux_platform {
namespace {

constexpr int kMaxAttempts = 4;

std::string errnoText(int error) {
    return std::strerror(error);
}

Result<UniqueFd> openNetlinkSocket(NetlinkProtocol protocol) {
    const bool route = protocol == NetlinkProtocol::Route;
    UniqueFd fd(
        ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, route ? NETLINK_ROUTE : NETLINK_SOCK_DIAG));
    if (!fd.valid()) {
        return fail(std::string("cannot open a ") +
                        (route ? "NETLINK_ROUTE" : "NETLINK_SOCK_DIAG") +
                        " socket: " + errnoText(errno),
                    "the sandbox or seccomp profile may forbid AF_NETLINK");
    }
    // A kernel that never answers must not hang the sampling thread.
    const timeval timeout{2, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    return fd;
}

}  // namespace

Result<NetlinkSocket> NetlinkSocket::open(std::size_t bufferSize) {
    return open(NetlinkProtocol::Route, bufferSize);
}

Result<NetlinkSocket> NetlinkSocket::open(NetlinkProtocol protocol, std::size_t bufferSize) {
    auto fd = openNetlinkSocket(protocol);
    if (!fd) {
        return tl::unexpected(fd.error());
    }
    NetlinkSocket socket(std::move(*fd), protocol);
    socket.m_receiveBuffer.resize(std::max<std::size_t>(bufferSize, sizeof(nlmsghdr)));
    return socket;
}

Result<void> NetlinkSocket::reopen() {
    // A fresh socket drops the unfinished dump and its queued parts.
    auto fd = openNetlinkSocket(m_protocol);
    if (!fd) {
        m_fd.reset();
        return tl::unexpected(fd.error());
    }
    m_fd = std::move(*fd);
    return {};
}

Result<ByteSpan> NetlinkSocket::dump(std::uint16_t type, ByteSpan request) {
    if (!m_fd.valid()) {
        if (auto reopened = reopen(); !reopened) {
            return tl::unexpected(reopened.error());
        }
    }
    Error last{"netlink dump failed", {}};
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        Attempt result = dumpOnce(type, request);
        switch (result.outcome) {
            case Outcome::Done:
                return ByteSpan(m_reply);
            case Outcome::Failed:
                return tl::unexpected(std::move(result.error));
            case Outcome::Broken:
                (void)reopen();  // if that fails too, the next dump() tries again
                return tl::unexpected(std::move(result.error));
            case Outcome::Retry:
                last = std::move(result.error);
                if (auto reopened = reopen(); !reopened) {
                    return tl::unexpected(reopened.error());
                }
                break;
        }
    }
    last.message += " (gave up after " + std::to_string(kMaxAttempts) + " attempts)";
    return tl::unexpected(std::move(last));
}

Result<void> NetlinkSocket::send(std::uint16_t type, ByteSpan request, std::uint32_t sequence) {
    nlmsghdr header{};
    header.nlmsg_len = static_cast<std::uint32_t>(sizeof(nlmsghdr) + request.size());
    header.nlmsg_type = type;
    header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    header.nlmsg_seq = sequence;
    std::vector<std::byte> message(sizeof(nlmsghdr) + netlinkAlign(request.size()));
    std::memcpy(message.data(), &header, sizeof(header));
    if (!request.empty()) {
        std::memcpy(message.data() + sizeof(header), request.data(), request.size());
    }
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    for (;;) {
        const ssize_t sent = ::sendto(m_fd.get(), message.data(), header.nlmsg_len, 0,
                                      reinterpret_cast<const sockaddr*>(&kernel), sizeof(kernel));
        if (sent >= 0) {
            return {};
        }
        if (errno != EINTR) {
            return fail("cannot send a netlink request: " + errnoText(errno));
        }
    }
}

NetlinkSocket::Attempt NetlinkSocket::dumpOnce(std::uint16_t type, ByteSpan request) {
    const std::uint32_t sequence = ++m_sequence;
    m_reply.clear();
    if (auto sent = send(type, request, sequence); !sent) {
        return {Outcome::Failed, sent.error()};
    }
    bool interrupted = false;
    for (;;) {
        sockaddr_nl sender{};
        socklen_t senderLength = sizeof(sender);
        // MSG_TRUNC makes recvfrom return the real length even when the buffer is smaller.
        const ssize_t got =
            ::recvfrom(m_fd.get(), m_receiveBuffer.data(), m_receiveBuffer.size(), MSG_TRUNC,
                       reinterpret_cast<sockaddr*>(&sender), &senderLength);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == ENOBUFS) {
                return {Outcome::Retry, Error{"netlink reply overran the socket buffer", {}}};
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                return {Outcome::Broken, Error{"netlink dump timed out", {}}};
            }
            return {Outcome::Broken,
                    Error{"cannot receive a netlink reply: " + errnoText(errno), {}}};
        }
        const auto length = static_cast<std::size_t>(got);
        if (length > m_receiveBuffer.size()) {
            m_receiveBuffer.resize(netlinkAlign(length));
            return {Outcome::Retry, Error{"netlink reply part larger than the buffer", {}}};
        }
        if (sender.nl_pid != 0) {
            continue;  // only the kernel answers dumps; ignore other senders
        }
        auto messages = splitMessages(ByteSpan(m_receiveBuffer).first(length));
        if (!messages) {
            return {Outcome::Broken, messages.error()};
        }
        for (const NetlinkMessage& message : *messages) {
            if (message.sequence != sequence) {
                continue;  // a late part of an earlier request
            }
            if ((message.flags & NLM_F_DUMP_INTR) != 0) {
                interrupted = true;
            }
            if (message.type == NLMSG_DONE) {
                // DONE carries an int: a negative errno when the dump itself failed.
                const auto status = readStruct<int>(message.payload);
                if (status && *status < 0) {
                    return {Outcome::Failed,
                            Error{"netlink dump failed: " + errnoText(-*status), {}}};
                }
                if (interrupted) {
                    return {Outcome::Retry, Error{"netlink dump was interrupted by a change", {}}};
                }
                return {Outcome::Done, {}};
            }
            if (message.type == NLMSG_ERROR) {
                const auto error = readStruct<nlmsgerr>(message.payload);
                if (!error) {
                    return {Outcome::Broken, Error{"malformed netlink error message", {}}};
                }
                if (error->error != 0) {
                    return {Outcome::Failed, Error{"netlink request " + std::to_string(type) +
                                                       " refused: " + errnoText(-error->error),
                                                   {}}};
                }
                continue;  // an ACK; dumps end with DONE
            }
            if (message.type == NLMSG_NOOP || message.type == NLMSG_OVERRUN) {
                continue;
            }
            // Keep the whole message, header included, so parsers see what the kernel sent.
            m_reply.insert(m_reply.end(), message.whole.begin(), message.whole.end());
            m_reply.resize(netlinkAlign(m_reply.size()));
        }
    }
}

}  // namespace netmon::linux_platform
