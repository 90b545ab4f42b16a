// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "core/model/snapshot.h"
#include "gui/types/history_health.h"

namespace netmon::storage {
class HistoryWriter;
}

namespace netmon::gui {

// Hands each tick to the history writer, as `netmon record` does, on the monitor thread (the
// writer never waits for the disk). The storage worker swaps writers in and out when the
// database is opened or moved; the swap and the appends are guarded by one short lock.
class HistoryRecorder {
public:
    HistoryRecorder();
    ~HistoryRecorder();
    HistoryRecorder(const HistoryRecorder&) = delete;
    HistoryRecorder& operator=(const HistoryRecorder&) = delete;

    // From now on ticks go to `writer` (tagged with `generation`); returns the previous writer,
    // whose destruction flushes it: let the caller do that off the GUI thread.
    std::shared_ptr<storage::HistoryWriter> setWriter(
        std::shared_ptr<storage::HistoryWriter> writer, std::uint64_t generation);
    // No database: ticks are not stored, and `reason` says why (shown in the banner).
    std::shared_ptr<storage::HistoryWriter> disable(std::string reason);
    // Another process records this database (`holder`: "1234 (netmon record)"): ticks are not
    // stored here. When a writer comes after this, the first tick it would get began while the
    // other still recorded, so it is left out: a byte is stored once, never twice.
    std::shared_ptr<storage::HistoryWriter> recordedElsewhere(std::string holder);
    // The database is being (re)opened.
    void setOpening();
    void setRetention(int retentionDays, int historyTopN);
    // The privacy setting "keep per-host traffic in history" (per-process totals are always kept).
    void setStoreHostHistory(bool store) { m_storeHosts.store(store); }

    // Monitor thread: stores the tick's interface deltas and says how history is doing.
    HistoryHealth record(const Snapshot& snapshot);
    [[nodiscard]] HistoryHealth health() const;

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<storage::HistoryWriter> m_writer;
    std::uint64_t m_generation = 0;
    HistoryHealth m_idle;     // what to report while there is no writer
    bool m_skipTick = false;  // the next tick overlaps another writer's last ones
    std::atomic<bool> m_storeHosts{true};
};

}  // namespace netmon::gui
