// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon watch`: live rates per interface, as a redrawn table or one JSON object per tick.
#include <atomic>
#include <ostream>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/commands/interface_visibility.h"
#include "cli/commands/interval_option.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "cli/text_table.h"
#include "core/format.h"
#include "core/visible_text.h"
#include "platform/local_time_text.h"
#include "protocol/service_feed.h"
#include "runtime/monitor_factory.h"

namespace netmon::cli {
namespace {

class WatchCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand("watch", "Show live rates per interface");
        addIntervalOption(*command, m_intervalMs);
        command->add_option("--count", m_count, "Stop after this many ticks (default: Ctrl-C)")
            ->check(CLI::PositiveNumber);
        command->add_option("--iface", m_interfaces, "Only this interface (repeatable)");
        command->add_flag("--json", m_json,
                          "One JSON object per line per tick: time, and per interface name, "
                          "rx_bytes, tx_bytes, rx_packets, tx_packets (counter totals), rx_bps, "
                          "tx_bps (bits per second over the tick), elapsed_s (the tick's real "
                          "length; both null on the first tick); all "
                          "interfaces unless --iface");
        command->add_flag("--all", m_all, "Also show loopback and virtual interfaces");
        return command;
    }

    int run(Context& context) override {
        StopRequests& stop = context.sources().stopRequests();
        Config config = context.config();
        if (!m_interfaces.empty()) {
            config.monitoredInterfaces = m_interfaces;  // so deep mode attaches to those
        }
        runtime::MonitorSetup setup;
        std::unique_ptr<SnapshotFeed> serviceFeed;
        if (const protocol::ServiceClient* service = context.service()) {
            serviceFeed = std::make_unique<protocol::ServiceFeed>(service->info());
            m_from = "netmond, " + std::string(toString(service->info().mode)) + " mode";
        } else {
            setup = context.sources().makeMonitor(config, SnapshotDetail::Full);
            context.reportModeFallback(setup.mode);
        }
        SnapshotFeed& monitor = serviceFeed ? *serviceFeed : *setup.monitor;
        m_source = context.source();
        monitor.setInterval(intervalOrConfig(m_intervalMs, config));
        m_interval = monitor.interval();
        std::ostream& out = context.out();
        const bool live = !m_json && context.outIsTerminal();
        std::atomic<unsigned> ticks{0};
        std::atomic<bool> closed{false};
        monitor.subscribe([&](const Snapshot& snapshot) {
            if ((m_count != 0 && ticks.load() >= m_count) || closed.load()) {
                return;
            }
            print(out, snapshot, live);
            // The reader went away (EPIPE, SIGPIPE being ignored): a normal end, through the
            // same stop path as Ctrl-C, so deep mode's filters are removed.
            if (!out) {
                closed = true;
                stop.request();
            }
            if (++ticks == m_count) {
                stop.request();
            }
        });
        monitor.start();
        while (!stop.waitFor(std::chrono::hours{1})) {
        }
        monitor.stop();
        return 0;
    }

private:
    void print(std::ostream& out, const Snapshot& snapshot, bool live) const {
        if (m_json) {
            Snapshot shown = snapshot;
            if (!m_interfaces.empty()) {  // the service samples every interface
                std::erase_if(shown.interfaces, [&](const InterfaceStat& interface) {
                    return !isShown(interface, true, m_interfaces);
                });
            }
            nlohmann::json line = watchTickJson(shown);
            line["source"] = m_source;
            out << jsonText(line) << std::endl;
            return;
        }
        using Align = TextTable::Align;
        TextTable table({{"INTERFACE"},
                         {"STATE"},
                         {"DOWNLOAD", Align::Right},
                         {"UPLOAD", Align::Right},
                         {"RX TOTAL", Align::Right},
                         {"TX TOTAL", Align::Right}});
        for (const InterfaceStat& interface : snapshot.interfaces) {
            if (!isShown(interface, m_all, m_interfaces)) {
                continue;
            }
            const auto& traffic = interface.traffic;
            table.addRow({interface.name, std::string(toString(interface.state)),
                          traffic ? formatBitRate(traffic->rxBitsPerSecond) : "…",
                          traffic ? formatBitRate(traffic->txBitsPerSecond) : "…",
                          formatBytes(interface.counters.rxBytes),
                          formatBytes(interface.counters.txBytes)});
        }
        if (live) {
            out << "\x1b[H\x1b[2J";  // home and clear: redraw in place
        }
        out << formatLocalTime(snapshot.wallTime) << "  (every " << m_interval.count() << " ms"
            << (m_from.empty() ? "" : ", from " + m_from) << ", Ctrl-C to stop)\n";
        table.print(out);
        for (const std::string& warning : snapshot.warnings) {
            out << "warning: " << visibleText(warning) << "\n";
        }
        out << (live ? "" : "\n") << std::flush;
    }

    int m_intervalMs = 0;
    std::chrono::milliseconds m_interval{0};
    std::string m_source;
    std::string m_from;  // "netmond, deep mode" when the service feeds the run
    unsigned m_count = 0;
    std::vector<std::string> m_interfaces;
    bool m_json = false;
    bool m_all = false;
};

}  // namespace

std::unique_ptr<Command> makeWatchCommand() {
    return std::make_unique<WatchCommand>();
}

}  // namespace netmon::cli
