// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <memory>
#include <span>

#include "core/result.h"

namespace netmon::capture {

// Sleeps until one of a capture thread's pcap handles has frames (or an error), another thread
// calls wake(), or a timeout passes. Each OS keeps its own wake-up object behind the pimpl
// (Linux: poll() on the handles' selectable fds plus an eventfd; Windows: the handles' Npcap
// read events plus an event of our own), so this header names no OS type.
class ReadinessWait {
public:
    static Result<ReadinessWait> create();
    ReadinessWait(ReadinessWait&&) noexcept;
    ReadinessWait& operator=(ReadinessWait&&) noexcept;
    ~ReadinessWait();

    void wait(std::span<const int> fds, std::chrono::milliseconds timeout);
    // Ends a wait in progress at once (or the next one, when none is in progress).
    void wake();

private:
    class WakeEvent;  // defined per OS in readiness_wait_<os>.cpp
    explicit ReadinessWait(std::unique_ptr<WakeEvent> event);
    std::unique_ptr<WakeEvent> m_event;
};

}  // namespace netmon::capture
