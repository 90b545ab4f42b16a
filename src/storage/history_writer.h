// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "platform/file_lock.h"
#include "storage/database_lock.h"
#include "storage/history_types.h"

namespace netmon::storage {

struct WriterStatus {
    bool healthy = true;             // false while writes fail (read-only or full disk…)
    std::string lastError;           // user-readable, with what to do
    std::size_t pendingSamples = 0;  // appended, not yet on disk
    std::uint64_t samplesWritten = 0;
    std::uint64_t samplesDropped = 0;  // only when the pending queue overflowed during an outage
};

// The one writer of the history database. Samples are appended from any thread without waiting
// for the disk; a thread of its own writes them in batched transactions, keeps the minute, hour
// and day rollups, and enforces retention. When writes fail (read-only file, full disk) it keeps
// the samples in memory (bounded), reports the failure in status(), and retries.
class HistoryWriter {
public:
    struct Options {
        std::filesystem::path path;
        // The app's default database path, if the caller has one (WriteOpenOptions::defaultPath).
        std::filesystem::path defaultPath;
        RetentionPolicy retention;
        std::chrono::milliseconds flushInterval{2000};
        std::size_t maxPendingSamples = 1'000'000;
        std::chrono::minutes retentionInterval{60};
        const Clock* clock = &SystemClock::instance();
        // Who writes, for the lock's note: others say "recorded by <pid> (<program>)".
        std::string program = "netmon";
    };

    // Refuses a path that is not ours (not a regular file, not a database of ours) before
    // anything is created beside it; then takes the database's writer lock, then opens
    // (creating folders and file as needed, private) and migrates the database. While another
    // process holds the lock nothing is touched and the error has `locked` set and names the
    // holder. A corrupt database of ours is renamed to "<name>.corrupt-YYYYmmdd-HHMMSS" and a new
    // one started; that is reported in `warnings`. A file from a newer schema is refused with an
    // error and left untouched.
    static tl::expected<std::unique_ptr<HistoryWriter>, WriterOpenError> open(
        Options options, std::vector<std::string>& warnings);

    ~HistoryWriter();  // flushes what is pending, then stops the thread
    HistoryWriter(const HistoryWriter&) = delete;
    HistoryWriter& operator=(const HistoryWriter&) = delete;

    void append(std::vector<InterfaceSample> samples);
    void append(std::vector<BreakdownSample> samples);
    // Waits until everything appended so far is written, or the write failed.
    Result<void> flush();
    void setRetention(RetentionPolicy retention);
    [[nodiscard]] WriterStatus status() const;

    class Impl;

private:
    HistoryWriter(std::unique_ptr<FileLock> lock, std::unique_ptr<Impl> impl);
    // Declared first so it is released last: after the final flush and the connection's close.
    std::unique_ptr<FileLock> m_lock;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace netmon::storage
