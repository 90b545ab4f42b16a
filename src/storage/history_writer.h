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
    };

    // Opens (creating folders and file as needed, private) and migrates the database. A corrupt
    // database of ours is renamed to "<name>.corrupt-YYYYmmdd-HHMMSS" and a new one started;
    // that is reported in `warnings`. A file from a newer schema, or one that is not ours, is
    // refused with an error and left untouched.
    static Result<std::unique_ptr<HistoryWriter>> open(Options options,
                                                       std::vector<std::string>& warnings);

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
    explicit HistoryWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace netmon::storage
