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
    // Refusals in the kernel's own words (extended ack), without a copy of the request.
    const int on = 1;
    ::setsockopt(fd.get(), SOL_NETLINK, NETLINK_EXT_ACK, &on, sizeof(on));
    ::setsockopt(fd.get(), SOL_NETLINK, NETLINK_CAP_ACK, &on, sizeof(on));
    return fd;
}

// The extended ack's message after an nlmsgerr, if the kernel gave one.
std::string refusalReason(const NetlinkMessage& message, const nlmsgerr& error) {
    if ((message.flags & NLM_F_ACK_TLVS) == 0) {
        return {};
    }
    // Capped: only the request's header follows the error code; else its whole payload.
    std::size_t offset = sizeof(nlmsgerr);
    if ((message.flags & NLM_F_CAPPED) == 0 && error.msg.nlmsg_len > sizeof(nlmsghdr)) {
        offset += netlinkAlign(error.msg.nlmsg_len - sizeof(nlmsghdr));
    }
    if (offset >= message.payload.size()) {
        return {};
    }
    AttributeTable table(NLMSGERR_ATTR_MSG + 1);
    if (!parseAttributes(message.payload.subspan(offset), table) || !table[NLMSGERR_ATTR_MSG]) {
        return {};
    }
    auto text = readStringAttribute(*table[NLMSGERR_ATTR_MSG], "extended ack message");
    return text ? *text : std::string();
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

Result<void> NetlinkSocket::send(std::uint16_t type, std::uint16_t flags, ByteSpan request,
                                 std::uint32_t sequence) {
    nlmsghdr header{};
    header.nlmsg_len = static_cast<std::uint32_t>(sizeof(nlmsghdr) + request.size());
    header.nlmsg_type = type;
    header.nlmsg_flags = static_cast<std::uint16_t>(NLM_F_REQUEST | flags);
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

ssize_t NetlinkSocket::receivePart(bool& fromKernel) {
    for (;;) {
        sockaddr_nl sender{};
        socklen_t senderLength = sizeof(sender);
        // MSG_TRUNC makes recvfrom return the real length even when the buffer is smaller.
        const ssize_t got =
            ::recvfrom(m_fd.get(), m_receiveBuffer.data(), m_receiveBuffer.size(), MSG_TRUNC,
                       reinterpret_cast<sockaddr*>(&sender), &senderLength);
        if (got >= 0 || errno != EINTR) {
            fromKernel = sender.nl_pid == 0;
            return got;
        }
    }
}

NetlinkSocket::Attempt NetlinkSocket::dumpOnce(std::uint16_t type, ByteSpan request) {
    const std::uint32_t sequence = ++m_sequence;
    m_reply.clear();
    if (auto sent = send(type, NLM_F_DUMP, request, sequence); !sent) {
        return {Outcome::Failed, sent.error()};
    }
    bool interrupted = false;
    for (;;) {
        bool fromKernel = false;
        const ssize_t got = receivePart(fromKernel);
        if (got < 0) {
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
        if (!fromKernel) {
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

Result<NetlinkSocket::Answer> NetlinkSocket::request(std::uint16_t type, std::uint16_t flags,
                                                     ByteSpan request) {
    if (!m_fd.valid()) {
        if (auto reopened = reopen(); !reopened) {
            return tl::unexpected(reopened.error());
        }
    }
    const std::uint32_t sequence = ++m_sequence;
    m_reply.clear();
    if (auto sent = send(type, static_cast<std::uint16_t>(NLM_F_ACK | flags), request, sequence);
        !sent) {
        return tl::unexpected(sent.error());
    }
    for (;;) {
        bool fromKernel = false;
        const ssize_t got = receivePart(fromKernel);
        const auto length = static_cast<std::size_t>(std::max<ssize_t>(got, 0));
        if (got < 0 || length > m_receiveBuffer.size()) {
            // The answer is lost (timeout, overrun, a part too large): whether the change
            // happened is unknown, so the socket is replaced and the caller told.
            const std::string cause =
                got < 0 ? errnoText(errno) : std::string("reply larger than the buffer");
            if (length > m_receiveBuffer.size()) {
                m_receiveBuffer.resize(netlinkAlign(length));
            }
            (void)reopen();
            return fail("no answer from the kernel to netlink request " + std::to_string(type) +
                        ": " + cause);
        }
        if (!fromKernel) {
            continue;
        }
        auto messages = splitMessages(ByteSpan(m_receiveBuffer).first(length));
        if (!messages) {
            (void)reopen();
            return tl::unexpected(messages.error());
        }
        for (const NetlinkMessage& message : *messages) {
            if (message.sequence != sequence) {
                continue;
            }
            if (message.type != NLMSG_ERROR) {
                m_reply.insert(m_reply.end(), message.whole.begin(), message.whole.end());
                m_reply.resize(netlinkAlign(m_reply.size()));
                continue;
            }
            const auto error = readStruct<nlmsgerr>(message.payload);
            if (!error) {
                (void)reopen();
                return fail("malformed netlink acknowledgement");
            }
            Answer answer;
            answer.error = -error->error;
            answer.reason = answer.error != 0 ? refusalReason(message, *error) : std::string();
            answer.messages = ByteSpan(m_reply);
            return answer;
        }
    }
}

}  // namespace netmon::linux_platform
