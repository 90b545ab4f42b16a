// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <span>

#include "core/result.h"
#include "platform/linux/unique_fd.h"

namespace netmon::capture {

// Sleeps until one of a capture thread's pcap handles has frames (or an error), another thread
// calls wake(), or a timeout passes. Linux: poll() on the handles' selectable fds plus an
// eventfd. (The Windows port waits on pcap_getevent() handles instead.)
class ReadinessWait {
public:
    static Result<ReadinessWait> create();

    void wait(std::span<const int> fds, std::chrono::milliseconds timeout);
    void wake();

private:
    explicit ReadinessWait(linux_platform::UniqueFd event) : m_event(std::move(event)) {}
    linux_platform::UniqueFd m_event;
};

}  // namespace netmon::capture
