// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>

#include "core/model/snapshot.h"

namespace netmon::service {

// The latest tick, handed from the monitor thread to every client session. Sessions wait for
// a newer one; a slow session skips ticks instead of holding the monitor up.
class SnapshotHub {
public:
    void publish(Snapshot snapshot);
    // The newest snapshot with a sequence above `after`, waiting up to `timeout`; null when none
    // came or the hub was closed.
    std::shared_ptr<const Snapshot> waitNewer(std::uint64_t after,
                                              std::chrono::milliseconds timeout);
    [[nodiscard]] std::shared_ptr<const Snapshot> latest() const;
    // Wakes every waiter for good (the service is stopping).
    void close();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::shared_ptr<const Snapshot> m_latest;
    bool m_closed = false;
};

}  // namespace netmon::service
