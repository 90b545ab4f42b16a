// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/snapshot_bridge.h"

namespace netmon::gui {

SnapshotBridge::SnapshotBridge(QObject* parent) : QObject(parent) {
    qRegisterMetaType<SnapshotMessage>();
    connect(this, &SnapshotBridge::posted, this, &SnapshotBridge::deliver, Qt::QueuedConnection);
}

void SnapshotBridge::post(const Snapshot& snapshot, const HistoryHealth& history) {
    if (m_queued.fetch_add(1) >= kMaxQueued) {
        m_queued.fetch_sub(1);
        m_dropped.fetch_add(1);
        return;
    }
    Q_EMIT posted(
        SnapshotMessage{m_generation.load(), std::make_shared<const Snapshot>(snapshot), history});
}

std::uint64_t SnapshotBridge::startGeneration() {
    return m_generation.fetch_add(1) + 1;
}

void SnapshotBridge::deliver(const SnapshotMessage& message) {
    m_queued.fetch_sub(1);
    if (message.generation != m_generation.load() || !message.snapshot) {
        return;
    }
    ++m_delivered;
    Q_EMIT historyHealthReady(message.history);
    Q_EMIT snapshotReady(message.snapshot);
}

}  // namespace netmon::gui
