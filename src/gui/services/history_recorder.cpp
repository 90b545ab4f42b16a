// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/history_recorder.h"

#include "storage/history_writer.h"
#include "storage/snapshot_samples.h"

namespace netmon::gui {

HistoryRecorder::HistoryRecorder() = default;
HistoryRecorder::~HistoryRecorder() = default;

std::shared_ptr<storage::HistoryWriter> HistoryRecorder::setWriter(
    std::shared_ptr<storage::HistoryWriter> writer, std::uint64_t generation) {
    const std::lock_guard lock(m_mutex);
    m_skipTick = !m_writer && writer && m_idle.state == HistoryHealth::State::RecordedElsewhere;
    m_generation = generation;
    std::swap(m_writer, writer);
    return writer;
}

std::shared_ptr<storage::HistoryWriter> HistoryRecorder::disable(std::string reason) {
    const std::lock_guard lock(m_mutex);
    m_idle = HistoryHealth{HistoryHealth::State::Disabled, std::move(reason), 0, 0};
    m_generation = 0;
    std::shared_ptr<storage::HistoryWriter> previous;
    std::swap(m_writer, previous);
    return previous;
}

std::shared_ptr<storage::HistoryWriter> HistoryRecorder::recordedElsewhere(std::string holder) {
    std::shared_ptr<storage::HistoryWriter> previous = disable(std::move(holder));
    const std::lock_guard lock(m_mutex);
    m_idle.state = HistoryHealth::State::RecordedElsewhere;
    return previous;
}

void HistoryRecorder::setOpening() {
    const std::lock_guard lock(m_mutex);
    if (!m_writer) {
        m_idle = HistoryHealth{};
    }
}

void HistoryRecorder::setRetention(int retentionDays, int historyTopN) {
    const std::lock_guard lock(m_mutex);
    if (m_writer) {
        m_writer->setRetention(
            storage::RetentionPolicy{.retentionDays = retentionDays,
                                     .breakdownTopN = static_cast<std::size_t>(historyTopN)});
    }
}

HistoryHealth HistoryRecorder::record(const Snapshot& snapshot) {
    std::shared_ptr<storage::HistoryWriter> writer;
    std::uint64_t generation = 0;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_writer) {
            return m_idle;
        }
        if (m_skipTick) {
            // Its traffic began before this writer held the lock: the other writer may have
            // stored part of it. Tagged with no generation, so the dashboard does not add it
            // to the database's totals either.
            m_skipTick = false;
            return HistoryHealth{HistoryHealth::State::Recording, {}, 0, 0};
        }
        writer = m_writer;
        generation = m_generation;
    }
    writer->append(storage::samplesFromSnapshot(snapshot));
    writer->append(storage::breakdownSamplesFromSnapshot(snapshot, m_storeHosts.load()));
    const storage::WriterStatus status = writer->status();
    HistoryHealth health;
    health.state = status.healthy ? HistoryHealth::State::Recording : HistoryHealth::State::Failing;
    health.message = status.lastError;
    health.pendingSamples = status.pendingSamples;
    health.writerGeneration = generation;
    return health;
}

HistoryHealth HistoryRecorder::health() const {
    const std::lock_guard lock(m_mutex);
    if (!m_writer) {
        return m_idle;
    }
    const storage::WriterStatus status = m_writer->status();
    return HistoryHealth{
        status.healthy ? HistoryHealth::State::Recording : HistoryHealth::State::Failing,
        status.lastError, status.pendingSamples, m_generation};
}

}  // namespace netmon::gui
