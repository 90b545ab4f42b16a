// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "storage/history_writer.h"
#include "storage/sample_store.h"

namespace netmon::storage {

// The writer's state and its thread. Callers only touch the queue under m_mutex; the database
// is touched by the thread alone, so no SQLite call ever holds the lock append() needs.
class HistoryWriter::Impl {
public:
    // Without a store (the file could not be opened for writing) it starts unhealthy with
    // `initialError` and keeps retrying.
    Impl(Options options, std::optional<SampleStore> store, std::string initialError);
    ~Impl();  // writes what is pending, then joins
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void append(std::vector<Sample> samples);
    Result<void> flush();
    void setRetention(RetentionPolicy retention);
    [[nodiscard]] WriterStatus status() const;
    [[nodiscard]] std::size_t breakdownTopN() const;

private:
    void run();
    Result<void> writePending();
    Result<void> writeBatch(const std::vector<Sample>& batch);
    Result<void> reopenIfNeeded();
    void retainIfDue();
    void dropOverflowLocked();

    const Options m_options;

    // The writer thread's own.
    std::optional<SampleStore> m_store;  // empty after a failed reopen
    bool m_reopen = false;               // a write failed: start from a fresh connection next time
    std::chrono::steady_clock::time_point m_nextRetention;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_flushed;
    std::deque<Sample> m_pending;
    std::size_t m_inFlight = 0;  // taken by the thread, not yet committed
    RetentionPolicy m_retention;
    bool m_retentionChanged = false;
    std::uint64_t m_flushRequests = 0;
    std::uint64_t m_flushesDone = 0;
    Result<void> m_lastFlush;
    WriterStatus m_status;
    bool m_stop = false;
    std::thread m_thread;  // last, so it starts after everything above exists
};

}  // namespace netmon::storage
