// SPDX-License-Identifier: GPL-3.0-or-later
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sources/socket_source.h"
#include "platform/linux/netlink_socket.h"
#include "platform/linux/sock_diag_destroy_listener.h"
#include "platform/linux/sock_diag_parser.h"
#include "platform/linux/tcp_payload_tracker.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

using linux_platform::NetlinkProtocol;
using linux_platform::NetlinkSocket;
using linux_platform::SockDiagDestroyListener;
using linux_platform::SockDiagEntry;
using linux_platform::TcpState;

constexpr std::string_view kHint =
    "the kernel needs inet_diag (CONFIG_INET_DIAG; modules inet_diag, tcp_diag, udp_diag) and "
    "the process must be allowed NETLINK_SOCK_DIAG sockets (a sandbox or seccomp profile may "
    "forbid them)";

constexpr std::uint32_t stateBit(TcpState state) {
    return 1U << static_cast<unsigned>(state);
}

// Every TCP state from ESTABLISHED to CLOSING (request sockets are SYN_RECV); UDP sockets are
// ESTABLISHED when connected and CLOSE otherwise.
constexpr std::uint32_t kTcpStates = ((1U << 12U) - 1U) & ~1U;
constexpr std::uint32_t kUdpStates = stateBit(TcpState::Established) | stateBit(TcpState::Close);

// Closed sockets kept for the next successful reading while readings fail.
constexpr std::size_t kMaxPendingClosed = 65'536;

// Reads the four tables (TCP, UDP × IPv4, IPv6) with SOCK_DIAG_BY_FAMILY dumps, TCP with
// tcp_info, and turns tcp_info into payload bytes (TcpPayloadTracker). Where the kernel allows
// (any user on Linux 6.x) it also listens to destroy notifications, so connections that close
// between two readings still report their final bytes.
class LinuxSocketSource final : public SocketSource {
public:
    LinuxSocketSource() {
        if (auto socket = NetlinkSocket::open(NetlinkProtocol::SockDiag)) {
            m_socket.emplace(std::move(*socket));
        }
        if (auto listener = SockDiagDestroyListener::open()) {
            m_destroyed.emplace(std::move(*listener));
        } else {
            m_destroyError = listener.error().permissionDenied ? "not permitted for this user"
                                                               : listener.error().error.message;
        }
        describe();
    }

    Result<SocketReading> read() override {
        if (!m_socket) {
            auto socket = NetlinkSocket::open(NetlinkProtocol::SockDiag);
            if (!socket) {
                return fail("cannot read the socket table: " + socket.error().message,
                            std::string(kHint));
            }
            m_socket.emplace(std::move(*socket));
        }
        // Notifications first: each destroyed socket's TIME_WAIT successor is then in the dump.
        // They wait for a reading that succeeds; a failed one must not lose them.
        if (m_destroyed) {
            const std::size_t room =
                kMaxPendingClosed - std::min(kMaxPendingClosed, m_pendingClosed.size());
            auto drained = m_destroyed->drain(room);  // the rest waits in the kernel's queue
            if (drained) {
                m_droppedClosed += drained->size() - std::min(room, drained->size());
                drained->resize(std::min(room, drained->size()));
                m_pendingClosed.insert(m_pendingClosed.end(),
                                       std::make_move_iterator(drained->begin()),
                                       std::make_move_iterator(drained->end()));
            } else {
                m_destroyed.reset();  // closes are no longer reported; say so
                m_destroyError = drained.error().message;
            }
        }
        std::vector<SockDiagEntry> open;
        for (const auto family : {AF_INET, AF_INET6}) {
            for (const auto protocol : {Protocol::Tcp, Protocol::Udp}) {
                if (auto dumped = dump(open, static_cast<std::uint8_t>(family), protocol);
                    !dumped) {
                    return tl::unexpected(dumped.error());
                }
            }
        }
        std::vector<SockDiagEntry> closed = std::move(m_pendingClosed);
        m_pendingClosed.clear();
        m_tracker.update(open, closed);
        describe();
        SocketReading reading;
        reading.open = records(std::move(open));
        reading.closed = records(std::move(closed));
        return reading;
    }

    [[nodiscard]] std::string_view mechanism() const override { return m_mechanism; }
    [[nodiscard]] bool reportsClosedSockets() const override { return m_destroyed.has_value(); }

private:
    Result<void> dump(std::vector<SockDiagEntry>& into, std::uint8_t family, Protocol protocol) {
        inet_diag_req_v2 request{};
        request.sdiag_family = family;
        request.sdiag_protocol = static_cast<std::uint8_t>(protocol);
        request.idiag_states = protocol == Protocol::Tcp ? kTcpStates : kUdpStates;
        request.idiag_ext =
            protocol == Protocol::Tcp ? static_cast<std::uint8_t>(1U << (INET_DIAG_INFO - 1)) : 0;
        const auto reply = m_socket->dump(
            SOCK_DIAG_BY_FAMILY, std::as_bytes(std::span<const inet_diag_req_v2, 1>(&request, 1)));
        const std::string what = std::string(toString(protocol)) +
                                 (family == AF_INET ? " IPv4" : " IPv6") + " socket table";
        if (!reply) {
            return fail("cannot read the " + what + ": " + reply.error().message,
                        std::string(kHint));
        }
        if (auto parsed = linux_platform::appendSockDiagMessages(*reply, protocol, into); !parsed) {
            return fail("cannot read the " + what + ": " + parsed.error().message,
                        "this looks like a kernel/program mismatch; please report it");
        }
        return {};
    }

    static std::vector<SocketRecord> records(std::vector<SockDiagEntry> entries) {
        std::vector<SocketRecord> out;
        out.reserve(entries.size());
        for (SockDiagEntry& entry : entries) {
            out.push_back(std::move(entry.record));
        }
        return out;
    }

    // "sock_diag", plus how closes are learnt, and whether notifications were ever lost.
    void describe() {
        m_mechanism = "sock_diag";
        if (m_destroyed) {
            m_mechanism += " + destroy notifications";
            const std::uint64_t overruns = m_destroyed->overruns();
            const std::uint64_t unreadable = m_destroyed->unreadable() + m_droppedClosed;
            if (overruns > 0 || unreadable > 0) {
                m_mechanism += " (some closes missed: " + std::to_string(overruns) +
                               " queue overruns, " + std::to_string(unreadable) +
                               " notifications dropped; their last counted bytes are kept)";
            }
        } else if (!m_destroyError.empty()) {
            m_mechanism += " (closed sockets not reported: " + m_destroyError + ")";
        }
    }

    std::optional<NetlinkSocket> m_socket;
    std::optional<SockDiagDestroyListener> m_destroyed;
    std::string m_destroyError;
    std::vector<SockDiagEntry> m_pendingClosed;  // drained, not yet handed out
    std::uint64_t m_droppedClosed = 0;           // past kMaxPendingClosed while reads failed
    linux_platform::TcpPayloadTracker m_tracker;
    std::string m_mechanism;
};

}  // namespace

std::unique_ptr<SocketSource> makeSocketSource() {
    return std::make_unique<LinuxSocketSource>();
}

}  // namespace netmon
