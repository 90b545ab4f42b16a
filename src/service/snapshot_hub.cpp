// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/snapshot_hub.h"

namespace netmon::service {

void SnapshotHub::publish(Snapshot snapshot) {
    auto shared = std::make_shared<const Snapshot>(std::move(snapshot));
    {
        const std::lock_guard lock(m_mutex);
        m_latest = std::move(shared);
    }
    m_changed.notify_all();
}

std::shared_ptr<const Snapshot> SnapshotHub::waitNewer(std::uint64_t after,
                                                       std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout,
                       [&] { return m_closed || (m_latest && m_latest->sequence > after); });
    if (m_closed || !m_latest || m_latest->sequence <= after) {
        return nullptr;
    }
    return m_latest;
}

std::shared_ptr<const Snapshot> SnapshotHub::latest() const {
    const std::lock_guard lock(m_mutex);
    return m_latest;
}

void SnapshotHub::close() {
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

}  // namespace netmon::service
