// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_change_monitor.h"

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace netmon::linux_platform {

Result<NetlinkChangeMonitor> NetlinkChangeMonitor::open() {
    UniqueFd fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE));
    if (!fd.valid()) {
        return fail(std::string("cannot open a netlink socket: ") + std::strerror(errno));
    }
    // These groups need no privileges to join.
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    local.nl_groups = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR;
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&local), sizeof(local)) != 0) {
        return fail(std::string("cannot subscribe to link notifications: ") + std::strerror(errno));
    }
    NetlinkChangeMonitor monitor(std::move(fd));
    monitor.m_buffer.resize(8192);  // the content is not read, only that something came
    return monitor;
}

Result<bool> NetlinkChangeMonitor::takeChanges() {
    bool changed = false;
    for (;;) {
        const ssize_t got = ::recv(m_fd.get(), m_buffer.data(), m_buffer.size(), MSG_TRUNC);
        if (got >= 0) {
            changed = true;
            continue;
        }
        if (errno == EAGAIN) {  // == EWOULDBLOCK on Linux
            return changed;
        }
        if (errno == ENOBUFS) {
            changed = true;  // notifications were dropped: assume anything changed
            continue;
        }
        if (errno != EINTR) {
            return fail(std::string("cannot read link notifications: ") + std::strerror(errno));
        }
    }
}

}  // namespace netmon::linux_platform
