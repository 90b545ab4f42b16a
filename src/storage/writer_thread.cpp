// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/writer_thread.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "storage/database_file.h"
#include "storage/retention.h"

namespace netmon::storage {

namespace {

// Bounds one transaction after an outage, so a long backlog commits in steps.
constexpr std::size_t kMaxBatch = 10'000;

}  // namespace

HistoryWriter::Impl::Impl(Options options, std::optional<SampleStore> store,
                          std::string initialError)
    : m_options(std::move(options)), m_store(std::move(store)), m_retention(m_options.retention) {
    m_nextRetention = m_options.clock->steadyNow() + m_options.retentionInterval;
    if (!m_store) {
        m_status.healthy = false;
        m_status.lastError = std::move(initialError);
        m_retentionChanged = true;  // open() could not prune: do it once writing works
    }
    m_thread = std::thread([this] { run(); });
}

HistoryWriter::Impl::~Impl() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void HistoryWriter::Impl::append(std::vector<Sample> samples) {
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const bool wasSmall = m_pending.size() < kMaxBatch;
        std::move(samples.begin(), samples.end(), std::back_inserter(m_pending));
        dropOverflowLocked();
        wake = wasSmall && m_pending.size() >= kMaxBatch;  // write early rather than grow
    }
    if (wake) {
        m_wake.notify_one();
    }
}

Result<void> HistoryWriter::Impl::flush() {
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = ++m_flushRequests;
    m_wake.notify_one();
    m_flushed.wait(lock, [&] { return m_flushesDone >= ticket; });
    return m_lastFlush;
}

void HistoryWriter::Impl::setRetention(RetentionPolicy retention) {
    {
        std::lock_guard lock(m_mutex);
        m_retention = retention;
        m_retentionChanged = true;
    }
    m_wake.notify_one();
}

WriterStatus HistoryWriter::Impl::status() const {
    std::lock_guard lock(m_mutex);
    WriterStatus status = m_status;
    status.pendingSamples = m_pending.size() + m_inFlight;
    return status;
}

void HistoryWriter::Impl::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, m_options.flushInterval, [this] {
            // A big backlog is written early, but not while failing: no retry storm.
            return m_stop || m_flushRequests > m_flushesDone || m_retentionChanged ||
                   (m_status.healthy && m_pending.size() >= kMaxBatch);
        });
        const bool stopping = m_stop;
        const std::uint64_t requests = m_flushRequests;
        lock.unlock();
        Result<void> written = writePending();
        retainIfDue();
        lock.lock();
        m_flushesDone = std::max(m_flushesDone, requests);
        m_lastFlush = std::move(written);
        m_flushed.notify_all();
        if (stopping) {
            return;
        }
    }
}

Result<void> HistoryWriter::Impl::writePending() {
    for (;;) {
        std::vector<Sample> batch;
        {
            std::lock_guard lock(m_mutex);
            if (m_pending.empty()) {
                return {};
            }
            const auto count = static_cast<std::ptrdiff_t>(std::min(m_pending.size(), kMaxBatch));
            batch.assign(std::make_move_iterator(m_pending.begin()),
                         std::make_move_iterator(m_pending.begin() + count));
            m_pending.erase(m_pending.begin(), m_pending.begin() + count);
            m_inFlight = batch.size();
        }
        auto written = writeBatch(batch);
        std::lock_guard lock(m_mutex);
        m_inFlight = 0;
        if (!written) {
            // Back to the front, oldest first, for the next attempt; nothing was committed.
            m_pending.insert(m_pending.begin(), std::make_move_iterator(batch.begin()),
                             std::make_move_iterator(batch.end()));
            dropOverflowLocked();
            m_status.healthy = false;
            // What failed and what to do; callers add the pending count from status().
            m_status.lastError = written.error().describe();
            return written;
        }
        m_status.samplesWritten += batch.size();
        m_status.healthy = true;
        m_status.lastError.clear();
    }
}

Result<void> HistoryWriter::Impl::writeBatch(const std::vector<Sample>& batch) {
    if (auto ready = reopenIfNeeded(); !ready) {
        return ready;
    }
    auto written = m_store->write(batch, breakdownTopN());
    if (!written) {
        m_reopen = true;
    }
    return written;
}

Result<void> HistoryWriter::Impl::reopenIfNeeded() {
    if (m_store && !m_reopen) {
        return {};
    }
    // A fresh connection sees a disk remounted writable, a file whose permissions changed, or
    // a file deleted under us (a new one is created).
    m_store.reset();
    std::vector<std::string> ignoredWarnings;  // quickCheck is off: nothing is set aside here
    auto connection = openDatabaseForWriting(
        m_options.path, *m_options.clock, ignoredWarnings,
        WriteOpenOptions{.quickCheck = false, .defaultPath = m_options.defaultPath});
    if (!connection) {
        return tl::unexpected(connection.error().error);
    }
    if (connection->isReadOnly()) {
        return fail("The history database " + m_options.path.string() + " is read-only",
                    "make it and its folder writable (permissions, or a disk mounted read-only)");
    }
    auto store = SampleStore::create(std::move(*connection));
    if (!store) {
        return tl::unexpected(store.error());
    }
    m_store.emplace(std::move(*store));
    m_reopen = false;
    return {};
}

std::size_t HistoryWriter::Impl::breakdownTopN() const {
    std::lock_guard lock(m_mutex);
    return m_retention.breakdownTopN;
}

void HistoryWriter::Impl::retainIfDue() {
    RetentionPolicy policy;
    {
        std::lock_guard lock(m_mutex);
        const bool due = m_retentionChanged || m_options.clock->steadyNow() >= m_nextRetention;
        if (!due) {
            return;
        }
        m_retentionChanged = false;
        policy = m_retention;
    }
    m_nextRetention = m_options.clock->steadyNow() + m_options.retentionInterval;
    if (!reopenIfNeeded()) {
        return;  // the write path reports the outage; pruning waits for the next interval
    }
    auto kept = m_store->applyRetention(policy, m_options.clock->wallNow());
    std::lock_guard lock(m_mutex);
    if (!kept) {
        m_reopen = true;
        m_status.healthy = false;
        m_status.lastError = "Could not delete old history: " + kept.error().describe();
    } else if (m_pending.empty()) {
        // It took a write and nothing waits: usable again (with a backlog, writes decide).
        m_status.healthy = true;
        m_status.lastError.clear();
    }
}

// The batch in flight is not counted: it is older than anything queued, so dropping from the
// queue while it is written would drop newer samples first. Should it fail, it comes back to
// the front and the oldest go then. Memory is so bounded by the limit plus one batch.
void HistoryWriter::Impl::dropOverflowLocked() {
    while (m_pending.size() > m_options.maxPendingSamples) {
        m_pending.pop_front();  // the oldest go first: recent history matters most
        ++m_status.samplesDropped;
    }
}

}  // namespace netmon::storage
