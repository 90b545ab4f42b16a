// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/history_writer.h"

#include <optional>
#include <system_error>
#include <utility>

#include "storage/breakdown_fold.h"
#include "storage/database_file.h"
#include "storage/database_owner.h"
#include "storage/retention.h"
#include "storage/writer_thread.h"

namespace netmon::storage {

namespace {

const char* const kKeptInMemory =
    ". Recording goes on: samples are kept in memory and written once the file is writable.";

template <typename T>
std::vector<Sample> asSamples(std::vector<T> samples) {
    std::vector<Sample> out;
    out.reserve(samples.size());
    for (T& sample : samples) {
        out.emplace_back(std::move(sample));
    }
    return out;
}

}  // namespace

tl::expected<std::unique_ptr<HistoryWriter>, WriterOpenError> HistoryWriter::open(
    Options options, std::vector<std::string>& warnings) {
    const auto failed = [](Error error) {
        return tl::unexpected(WriterOpenError{std::move(error)});
    };
    // A path that is not ours is refused before anything is made beside it, the lock file
    // included (`--db /etc/passwd` must leave /etc as it was). Checked again under the lock.
    if (auto claimed = claimDatabase(options.path, options.defaultPath);
        !claimed && claimed.error().notOurs) {
        return failed(std::move(claimed.error().error));
    }
    // Before anything reads, sets aside or migrates the file: one writer per database.
    auto lock = lockDatabase(options.path, options.program);
    if (!lock) {
        return tl::unexpected(std::move(lock.error()));
    }
    auto connection = openDatabaseForWriting(options.path, *options.clock, warnings,
                                             WriteOpenOptions{.defaultPath = options.defaultPath});
    std::optional<SampleStore> store;
    std::string unwritable;
    if (!connection) {
        // An existing file that cannot be written now (a disk mounted read-only or full, a
        // lock held too long) still lets recording start, into memory, retrying; a newer
        // schema, or a file that cannot even be created, is an error to report at once.
        std::error_code ignored;
        if (connection.error().refused || !std::filesystem::exists(options.path, ignored)) {
            return failed(connection.error().error);
        }
        unwritable = connection.error().error.describe();
    } else if (connection->isReadOnly()) {
        unwritable = "The history database " + options.path.string() +
                     " is read-only — make it and its folder writable (permissions, or a disk "
                     "mounted read-only)";
    } else {
        if (auto kept = applyRetention(*connection, options.retention, options.clock->wallNow());
            !kept) {
            warnings.push_back("Old history could not be pruned now (will retry): " +
                               kept.error().describe());
        }
        auto created = SampleStore::create(std::move(*connection));
        if (!created) {
            return failed(created.error());
        }
        store.emplace(std::move(*created));
    }
    if (!unwritable.empty()) {
        unwritable += kKeptInMemory;
        warnings.push_back(unwritable);
    }
    auto impl = std::make_unique<Impl>(std::move(options), std::move(store), unwritable);
    return std::unique_ptr<HistoryWriter>(new HistoryWriter(std::move(*lock), std::move(impl)));
}

HistoryWriter::HistoryWriter(std::unique_ptr<FileLock> lock, std::unique_ptr<Impl> impl)
    : m_lock(std::move(lock)), m_impl(std::move(impl)) {}

// Impl's destructor flushes and joins; the lock goes after it (member order).
HistoryWriter::~HistoryWriter() = default;

void HistoryWriter::append(std::vector<InterfaceSample> samples) {
    m_impl->append(asSamples(std::move(samples)));
}

void HistoryWriter::append(std::vector<BreakdownSample> samples) {
    // A flood of new sources queues a bounded number of samples a tick (totals unchanged).
    m_impl->append(
        asSamples(keepLargest(std::move(samples), kTrackedPerRow * m_impl->breakdownTopN())));
}

Result<void> HistoryWriter::flush() {
    return m_impl->flush();
}

void HistoryWriter::setRetention(RetentionPolicy retention) {
    m_impl->setRetention(retention);
}

WriterStatus HistoryWriter::status() const {
    return m_impl->status();
}

}  // namespace netmon::storage
