// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "platform/linux/sock_diag_parser.h"
#include "platform/linux/unique_fd.h"

namespace netmon::linux_platform {

// Listens to the kernel's socket-destroy broadcasts (SKNLGRP_INET{,6}_{TCP,UDP}_DESTROY): one
// SOCK_DIAG_BY_FAMILY message per TCP or UDP socket of this network namespace as it is freed,
// TCP ones with their final tcp_info (uid and inode are 0 by then). Linux 6.x lets any user
// join these groups (the sock_diag netlink family is NL_CFG_F_NONROOT_RECV; measured as
// `nobody`); a kernel or security module that refuses gives EPERM, and closes then go
// unreported.
class SockDiagDestroyListener {
public:
    // `permissionDenied` tells a refusal (EPERM/EACCES) apart from other failures.
    struct OpenError {
        Error error;
        bool permissionDenied = false;
    };
    // `receiveBufferBytes`: how much may queue between two drains (tests make it small).
    static tl::expected<SockDiagDestroyListener, OpenError> open(
        int receiveBufferBytes = kDefaultReceiveBuffer);
    // Room for bursts of closes between two readings (a busy server closes thousands a second).
    static constexpr int kDefaultReceiveBuffer = 8 * 1024 * 1024;

    // The notifications queued since the last call, without blocking, up to about `most`
    // (one read's worth more at worst): what is left stays queued for the next call, so a
    // storm of closes cannot grow memory beyond that (the kernel drops on overflow:
    // overruns()). One that cannot be parsed is counted (unreadable()) rather than failing
    // the others.
    Result<std::vector<SockDiagEntry>> drain(std::size_t most = SIZE_MAX);

    // Times since open() that the queue overflowed (ENOBUFS) and the kernel dropped
    // notifications (how many, it does not say).
    [[nodiscard]] std::uint64_t overruns() const { return m_overruns; }
    // Notifications since open() that were truncated or malformed and so skipped.
    [[nodiscard]] std::uint64_t unreadable() const { return m_unreadable; }

private:
    explicit SockDiagDestroyListener(UniqueFd fd) : m_fd(std::move(fd)) {}

    UniqueFd m_fd;
    std::vector<std::byte> m_buffer;
    std::uint64_t m_overruns = 0;
    std::uint64_t m_unreadable = 0;
};

}  // namespace netmon::linux_platform
