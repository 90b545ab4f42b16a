// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "core/result.h"
#include "platform/linux/unique_fd.h"

namespace netmon::linux_platform {

// Listens to the kernel's rtnetlink notifications for links and IPv4/IPv6 addresses, so a
// reader can keep names, states and addresses cached and re-read them only when something
// changed. Any notification counts as a change; so does a lost one (ENOBUFS).
class NetlinkChangeMonitor {
public:
    static Result<NetlinkChangeMonitor> open();

    // Empties the queue without blocking; true when anything arrived since the last call.
    Result<bool> takeChanges();

private:
    explicit NetlinkChangeMonitor(UniqueFd fd) : m_fd(std::move(fd)) {}

    UniqueFd m_fd;
    std::vector<std::byte> m_buffer;
};

}  // namespace netmon::linux_platform
