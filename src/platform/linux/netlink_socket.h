// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/linux/netlink_view.h"
#include "platform/linux/unique_fd.h"

namespace netmon::linux_platform {

// The netlink families this program talks to.
enum class NetlinkProtocol : std::uint8_t {
    Route,    // NETLINK_ROUTE: links, addresses, statistics
    SockDiag  // NETLINK_SOCK_DIAG: the socket tables (inet_diag)
};

// A netlink socket that runs dump requests (RTM_GETLINK, RTM_GETADDR, SOCK_DIAG_BY_FAMILY, …)
// and gathers every part of the reply. Not thread-safe: one owner, one dump at a time.
class NetlinkSocket {
public:
    // `bufferSize` is where receiving starts; it grows when the kernel sends a larger part.
    static Result<NetlinkSocket> open(std::size_t bufferSize = kDefaultBufferSize);
    static Result<NetlinkSocket> open(NetlinkProtocol protocol,
                                      std::size_t bufferSize = kDefaultBufferSize);
    // The kernel sizes dump parts to the reader's buffer, up to 32 KiB for most dumps.
    static constexpr std::size_t kDefaultBufferSize = 32 * 1024;

    // Sends `type` with NLM_F_DUMP and `request` (the family header, e.g. an ifinfomsg) as
    // payload, then reads until NLMSG_DONE. Returns the reply messages back to back, without
    // DONE; the view stays valid until the next dump(). A dump the kernel marks inconsistent
    // (an interface changed meanwhile), a lost part (ENOBUFS) or a part larger than the
    // buffer restarts the dump on a fresh socket, a few times, before it becomes an Error.
    Result<ByteSpan> dump(std::uint16_t type, ByteSpan request);

    // What the kernel answered to one request that changes something (RTM_NEWTFILTER, …).
    struct Answer {
        int error = 0;       // 0 done, else the errno it was refused with (EPERM, EEXIST, …)
        std::string reason;  // the kernel's own words for a refusal (extended ack), if any
        ByteSpan messages;   // what it sent before the acknowledgement (NLM_F_ECHO's copy)
    };
    // Sends `type` with NLM_F_REQUEST | NLM_F_ACK | `flags` and `request` as payload, and reads
    // until the acknowledgement. An Error is a failure to talk to the kernel at all; a refusal
    // is an Answer. The view stays valid until the next call.
    Result<Answer> request(std::uint16_t type, std::uint16_t flags, ByteSpan request);

private:
    NetlinkSocket(UniqueFd fd, NetlinkProtocol protocol)
        : m_fd(std::move(fd)), m_protocol(protocol) {}

    // Failed leaves the socket ready for the next request; Broken and Retry leave a dump
    // half-read (the kernel would answer the next one with EBUSY), so the socket is replaced.
    enum class Outcome : std::uint8_t { Done, Retry, Failed, Broken };
    struct Attempt {
        Outcome outcome = Outcome::Failed;
        Error error;
    };
    Attempt dumpOnce(std::uint16_t type, ByteSpan request);
    // One datagram into the receive buffer (retried on EINTR): its real length, larger than
    // the buffer when it did not fit, or -1 with errno set.
    ssize_t receivePart(bool& fromKernel);
    Result<void> send(std::uint16_t type, std::uint16_t flags, ByteSpan request,
                      std::uint32_t sequence);
    Result<void> reopen();

    UniqueFd m_fd;
    NetlinkProtocol m_protocol = NetlinkProtocol::Route;
    std::uint32_t m_sequence = 0;
    std::vector<std::byte> m_receiveBuffer;
    std::vector<std::byte> m_reply;
};

}  // namespace netmon::linux_platform
