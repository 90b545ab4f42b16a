// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon record`: sample every interface and keep the traffic in the history database until
// stopped. Ctrl-C, SIGTERM or --duration end it; what was sampled is always written first.
#include <mutex>
#include <ostream>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/commands/interval_option.h"
#include "cli/context.h"
#include "core/lock_holder.h"
#include "platform/paths.h"
#include "protocol/service_client.h"
#include "runtime/monitor_factory.h"
#include "storage/history_writer.h"
#include "storage/snapshot_samples.h"

namespace netmon::cli {
namespace {

// Prints a writer problem once when it starts and once when it is over, not every tick.
class WriterHealthReporter {
public:
    explicit WriterHealthReporter(const Context& context) : m_context(context) {}

    void check(const storage::WriterStatus& status) {
        const std::lock_guard lock(m_mutex);
        if (status.healthy == m_healthy) {
            return;
        }
        m_healthy = status.healthy;
        if (!status.healthy) {
            m_context.reportWarning("history is not being written: " + status.lastError + " (" +
                                    std::to_string(status.pendingSamples) +
                                    " samples kept in memory, retrying)");
        } else {
            m_context.reportWarning("history writes work again; nothing was lost");
        }
    }

private:
    const Context& m_context;
    std::mutex m_mutex;
    bool m_healthy = true;
};

class RecordCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand(
            "record", "Sample all interfaces and store the traffic in the history database");
        command->add_option("--db", m_database,
                            "History database (default: from the settings). One program records "
                            "a database at a time: while another does, record exits with 1");
        command
            ->add_option("--duration", m_durationSeconds,
                         "Stop after this many seconds (default: until Ctrl-C or SIGTERM)")
            ->check(CLI::NonNegativeNumber);
        addIntervalOption(*command, m_intervalMs);
        return command;
    }

    int run(Context& context) override {
        if (const protocol::ServiceClient* service = context.service()) {
            // One recorder per machine: a second one would store the same bytes again.
            return context.reportError(
                Error{"netmond records this machine's history (it answers at " +
                          service->info().socket.string() +
                          "); while it runs no other program writes a history database",
                      "read it with netmon history and netmon usage; to record on your own, stop "
                      "the service or run netmon --no-service record"});
        }
        StopRequests& stop = context.sources().stopRequests();
        const Config& config = context.config();
        storage::HistoryWriter::Options options;
        options.path = context.databasePath(m_database);
        options.defaultPath = defaultDatabasePath();
        options.retention.retentionDays = config.retentionDays;
        options.program = "netmon record";
        options.retention.breakdownTopN = static_cast<std::size_t>(config.historyTopN);
        std::vector<std::string> warnings;
        auto writer = storage::HistoryWriter::open(options, warnings);
        for (const std::string& warning : warnings) {
            context.reportWarning(warning);
        }
        if (!writer && writer.error().locked) {
            // No --wait: the app already waits for the database, and a loop or a service
            // manager's restart covers scripts; two recorders would only take turns.
            return context.reportError(
                Error{"history at " + options.path.string() + " is recorded by " +
                          describeLockHolder(writer.error().holder),
                      "one program at a time records a history database: stop that one first, or "
                      "record to another database with --db"});
        }
        if (!writer) {
            return context.reportError(writer.error());
        }

        const runtime::MonitorSetup setup =
            context.sources().makeMonitor(config, SnapshotDetail::TrafficOnly);
        context.reportModeFallback(setup.mode);
        Monitor& monitor = *setup.monitor;
        const auto interval = intervalOrConfig(m_intervalMs, config);
        monitor.setInterval(interval);
        WriterHealthReporter health(context);
        storage::HistoryWriter& history = **writer;
        monitor.subscribe([&](const Snapshot& snapshot) {
            for (const std::string& warning : snapshot.warnings) {
                context.reportWarning(warning);
            }
            history.append(storage::samplesFromSnapshot(snapshot));
            history.append(
                storage::breakdownSamplesFromSnapshot(snapshot, config.privacy.storeHostHistory));
            health.check(history.status());
        });

        context.err() << "netmon: recording every " << interval.count() << " ms to "
                      << options.path.string() << " (Ctrl-C to stop)" << std::endl;
        monitor.start();
        if (m_durationSeconds > 0) {
            stop.waitFor(
                std::chrono::milliseconds{static_cast<long long>(m_durationSeconds * 1000.0)});
        } else {
            while (!stop.waitFor(std::chrono::hours{1})) {
            }
        }
        monitor.stop();
        monitor.tick();  // the traffic since the last tick, so stopping loses nothing

        auto flushed = history.flush();
        const storage::WriterStatus status = history.status();
        if (!flushed) {
            context.reportError(flushed.error());
            context.err() << "netmon: " << status.pendingSamples
                          << " samples could not be written before exit\n";
            return kExitFailure;
        }
        context.err() << "netmon: " << status.samplesWritten << " samples written to "
                      << options.path.string() << std::endl;
        return 0;
    }

private:
    std::string m_database;
    double m_durationSeconds = 0;
    int m_intervalMs = 0;
};

}  // namespace

std::unique_ptr<Command> makeRecordCommand() {
    return std::make_unique<RecordCommand>();
}

}  // namespace netmon::cli
