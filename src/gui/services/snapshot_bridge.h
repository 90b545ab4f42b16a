// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <atomic>
#include <cstdint>

#include "gui/types/snapshot_message.h"

namespace netmon::gui {

// Carries snapshots from the thread that makes them (the Monitor's, a synthetic load, a test's
// fake source) to the GUI thread by a queued signal, and fans them out there by direct signals,
// so every screen sees the same tick without another copy. If the GUI thread falls behind, at
// most kMaxQueued messages wait; newer ticks are dropped and counted rather than piling up.
class SnapshotBridge : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxQueued = 3;

    explicit SnapshotBridge(QObject* parent = nullptr);

    // Thread-safe; called on the producing thread.
    void post(const Snapshot& snapshot, const HistoryHealth& history = {});
    // Starts a new generation: messages still queued from the previous one are dropped.
    // Call on the GUI thread before restarting a source.
    std::uint64_t startGeneration();
    [[nodiscard]] std::uint64_t generation() const { return m_generation.load(); }
    [[nodiscard]] std::uint64_t droppedCount() const { return m_dropped.load(); }
    [[nodiscard]] std::uint64_t deliveredCount() const { return m_delivered; }

Q_SIGNALS:
    // On the GUI thread, once per delivered tick.
    void snapshotReady(const std::shared_ptr<const netmon::Snapshot>& snapshot);
    void historyHealthReady(const netmon::gui::HistoryHealth& health);
    // Internal: crosses the thread boundary (queued).
    void posted(const netmon::gui::SnapshotMessage& message);

private:
    void deliver(const SnapshotMessage& message);

    std::atomic<std::uint64_t> m_generation{1};
    std::atomic<int> m_queued{0};
    std::atomic<std::uint64_t> m_dropped{0};
    std::uint64_t m_delivered = 0;
};

}  // namespace netmon::gui
